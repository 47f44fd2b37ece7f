package org.trainkit.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trainkit.data.LabelledImages;

class ImageStripTest {

    /** Three 2 x 2 images in two classes; image i has every pixel (i + 1) * 60. */
    private static final LabelledImages IMAGES = LabelledImages.of("tiny", 2, 2,
            new byte[] {60, 60, 60, 60, 120, 120, 120, 120, (byte) 180, (byte) 180, (byte) 180, (byte) 180},
            new int[] {1, 0, 0}, List.of("a", "b"));

    @Test
    void theFirstImageOfEachClassInClassOrderEnlarged() {
        BufferedImage strip = ImageStrip.firstOfEachClass(IMAGES, 3);
        assertEquals(2 * 2 * 3, strip.getWidth());
        assertEquals(2 * 3, strip.getHeight());
        assertEquals(120, strip.getRaster().getSample(0, 0, 0), "class 0 first appears at index 1");
        assertEquals(120, strip.getRaster().getSample(5, 5, 0));
        assertEquals(60, strip.getRaster().getSample(6, 0, 0), "class 1 is index 0");
    }

    @Test
    void aMissingClassOrABadScaleIsAnError() {
        LabelledImages onlyClassZero = IMAGES.classes(0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ImageStrip.firstOfEachClass(onlyClassZero, 1));
        assertTrue(e.getMessage().contains("class 1 (b)"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ImageStrip.firstOfEachClass(IMAGES, 0));
    }
}
