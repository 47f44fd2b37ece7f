package org.trainkit.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.trainkit.compare.ExplorerGrid;
import org.trainkit.compare.ScheduleExplorer;
import org.trainkit.curves.MultiPowerLaw;

class ExplorerViewTest {

    private static final ExplorerGrid GRID = ScheduleExplorer.under(new MultiPowerLaw(2.6514477, 0.60115152, 0.45295811,
            437.9464276, 2.13245612, 0.59785199, 0.65523644)).total(4000).peaks(2e-4, 3e-4).warmups(0, 200, 400)
            .cooldowns(0.1, 0.2, 0.5).points(40).build();

    @Test
    void thePageCarriesAStaticPictureOfTwoPanels() throws Exception {
        String html = ExplorerView.html(GRID);
        Matcher png = Pattern.compile("src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"").matcher(html);
        assertTrue(png.find(), "an inline PNG");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(png.group(1))));
        assertEquals(920, image.getWidth(), "two 460-pixel panels side by side");
        assertEquals(290, image.getHeight());
    }
}
