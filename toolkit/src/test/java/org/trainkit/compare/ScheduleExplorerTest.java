package org.trainkit.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trainkit.curves.Law;
import org.trainkit.schedules.Cooldown;
import org.trainkit.schedules.Schedules;
import org.trainkit.schedules.Wsd;
import tech.tablesaw.api.Table;

/** The precomputed explorer grid, its JSON and its self-contained page. */
class ScheduleExplorerTest {

    private static final Law LAW = PublishedLaw.MPL_100M;
    private static final ScheduleExplorer EXPLORER = ScheduleExplorer.under(LAW).total(4000).peaks(2e-4, 3e-4)
            .warmups(0, 200, 400).cooldowns(0.1, 0.2, 0.5, 0.9).points(40);
    private static ExplorerGrid grid;

    @BeforeAll
    static void build() {
        grid = EXPLORER.build();
    }

    @Test
    void theJsonIsWellFormedAndTheGridComplete() throws Exception {
        JsonNode json = new ObjectMapper().readTree(grid.json());
        assertEquals(4000, json.get("total").asInt());
        assertEquals("sqrt", json.get("shape").asText());
        assertEquals(2, json.get("peaks").size());
        assertEquals(3, json.get("warmups").size());
        assertEquals(4, json.get("cooldowns").size());
        JsonNode steps = json.get("steps");
        assertEquals(1, steps.get(0).asInt());
        assertEquals(3999, steps.get(steps.size() - 1).asInt());
        for (int i = 1; i < steps.size(); i++) {
            assertTrue(steps.get(i).asInt() > steps.get(i - 1).asInt());
        }
        assertTrue(steps.size() >= 30, "steps: " + steps.size());
        assertEquals(24, json.get("wsd").size());
        assertEquals(6, json.get("cosine").size());
        for (String kind : new String[] {"wsd", "cosine"}) {
            for (JsonNode curve : json.get(kind)) {
                assertEquals(steps.size(), curve.get("lr").size());
                assertEquals(steps.size(), curve.get("loss").size());
                for (JsonNode v : curve.get("loss")) {
                    assertTrue(v.isNumber() && Double.isFinite(v.asDouble()));
                }
                for (JsonNode v : curve.get("lr")) {
                    assertTrue(v.asDouble() >= 0 && v.asDouble() <= 1.0001, "rate as fraction of peak: " + v);
                }
            }
        }
    }

    @Test
    void eachGridPointIsTheLawsPredictionForItsSchedule() throws Exception {
        JsonNode json = new ObjectMapper().readTree(grid.json());
        int[] steps = grid.wsd(1, 2, 3).steps();
        Wsd wsd = Schedules.wsd().peak(3e-4).finalLr(3e-5).warmup(400).total(4000).decay(0.9).shape(Cooldown.SQRT)
                .build();
        double[] expected = LAW.predict(wsd.toArray(), steps);
        JsonNode curve = json.get("wsd").get((1 * 3 + 2) * 4 + 3);
        assertEquals(wsd.spec(), curve.get("name").asText());
        for (int i = 0; i < steps.length; i++) {
            assertEquals(expected[i], curve.get("loss").get(i).asDouble(), 1e-5 * expected[i]);
            assertEquals(wsd.lr(steps[i]) / 3e-4, curve.get("lr").get(i).asDouble(), 1e-3);
        }
        double cosine = LAW.finalLoss(Schedules.cosine(2e-4, 2e-5, 200, 4000));
        assertEquals(cosine, grid.cosine(0, 1).finalLoss(), 1e-12);
        assertEquals(cosine, json.get("cosine").get(1).get("loss").get(steps.length - 1).asDouble(), 1e-5 * cosine);
    }

    @Test
    void theTableHasOneRowPerGridPoint() {
        Table table = grid.table();
        assertEquals(24, table.rowCount());
        assertEquals(grid.size(), table.rowCount());
        assertEquals(grid.wsd(0, 1, 2).finalLoss(), table.doubleColumn("predicted_loss").get((0 * 3 + 1) * 4 + 2));
        assertEquals(0.5, table.doubleColumn("cooldown").get(2));
        assertEquals(grid.cosine(1, 0).finalLoss(), table.doubleColumn("cosine_loss").get(12));
    }

    @Test
    void thePageIsSelfContained() {
        ScheduleExplorer titled = EXPLORER.title("a </script> title").points(10);
        String html = titled.build().html("iVBORw0KGgo=");
        assertEquals(1, count(html, "<script"));
        assertEquals(1, count(html, "src="), "one source, the inline picture");
        assertTrue(html.contains("src=\"data:image/png;base64,iVBORw0KGgo=\""));
        assertFalse(html.contains("http"), "no network address");
        assertFalse(html.contains("a </script> title"), "the title cannot end the script");
        assertTrue(html.contains("a \\u003c/script> title"));
        Matcher id = Pattern.compile("id=\"(tk-explorer-[0-9a-f]+)\"").matcher(html);
        assertTrue(id.find());
        assertTrue(html.contains("getElementById(\"" + id.group(1) + "\")"));
        assertEquals(3, count(html, "type=\"range\""));
        assertEquals(html, titled.build().html("iVBORw0KGgo="), "deterministic");
    }

    @Test
    void withoutItsScriptThePageShowsOnlyThePictureAndHowToTrustTheNotebook() {
        ExplorerGrid grid = EXPLORER.points(10).build();
        String html = grid.html("iVBORw0KGgo=");
        String markup = html.substring(0, html.indexOf("<script"));
        assertFalse(markup.contains("<input"), "no slider outside the script: an untrusted notebook shows none");
        assertFalse(markup.contains("<canvas"));
        assertTrue(markup.contains("<img") && markup.contains("Trust Notebook") && markup.contains("jupyter trust"));
        assertTrue(markup.contains(grid.initialText()), "the picture's settings are named: " + grid.initialText());
        int[] at = grid.initial();
        assertTrue(grid.json().contains("\"initial\":{\"peaks\":" + at[0] + ",\"warmups\":" + at[1] + ",\"cooldowns\":" + at[2] + "}"),
                "the script starts where the picture is");
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

    @Test
    void namesTheSettingThatIsWrong() {
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> ScheduleExplorer.under(LAW).total(1000).peaks(1e-3).warmups(0).build());
        assertTrue(empty.getMessage().contains("cooldowns"), empty.getMessage());
        IllegalArgumentException order = assertThrows(IllegalArgumentException.class,
                () -> EXPLORER.peaks(3e-4, 2e-4).build());
        assertTrue(order.getMessage().contains("peaks must increase"), order.getMessage());
        IllegalArgumentException impossible = assertThrows(IllegalArgumentException.class,
                () -> EXPLORER.warmups(0, 1000).build());
        assertTrue(impossible.getMessage().contains("warmup=1000, cooldown=0.9"), impossible.getMessage());
        assertThrows(IllegalArgumentException.class, () -> EXPLORER.total(0).build());
        assertThrows(IllegalArgumentException.class, () -> EXPLORER.points(5));
        assertThrows(IllegalArgumentException.class, () -> EXPLORER.finalFraction(1));
    }
}
