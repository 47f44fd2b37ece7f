package org.trainkit.compare;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import java.util.List;
import org.trainkit.schedules.Cooldown;
import org.trainkit.schedules.Numbers;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * The values a {@link ScheduleExplorer} computed in advance: for every (peak, warmup, cooldown)
 * of the grid a WSD schedule's rates and predicted loss at the same steps, and for every (peak,
 * warmup) the cosine reference. {@link #json()} serialises them; {@link #html(String)} wraps them in a
 * self-contained page with sliders. Immutable.
 */
public final class ExplorerGrid {

    /** Significant digits kept for losses in the JSON (differences of 1e-5 survive). */
    private static final MathContext LOSS_DIGITS = new MathContext(6);
    /** Significant digits kept for rates and settings in the JSON. */
    private static final MathContext RATE_DIGITS = new MathContext(4);

    private final String title;
    private final String lawName;
    private final int total;
    private final int zoomFrom;
    private final Cooldown shape;
    private final double finalFraction;
    private final double[] peaks;
    private final int[] warmups;
    private final double[] cooldowns;
    private final int[] steps;
    private final List<PredictedCurve> wsd;
    private final List<PredictedCurve> cosine;

    ExplorerGrid(String title, String lawName, int total, int zoomFrom, Cooldown shape, double finalFraction, double[] peaks,
            int[] warmups, double[] cooldowns, int[] steps, List<PredictedCurve> wsd, List<PredictedCurve> cosine) {
        this.title = title;
        this.lawName = lawName;
        this.total = total;
        this.zoomFrom = zoomFrom;
        this.shape = shape;
        this.finalFraction = finalFraction;
        this.peaks = peaks.clone();
        this.warmups = warmups.clone();
        this.cooldowns = cooldowns.clone();
        this.steps = steps.clone();
        this.wsd = List.copyOf(wsd);
        this.cosine = List.copyOf(cosine);
    }

    /** The number of WSD schedules: peaks x warmups x cooldowns. */
    public int size() {
        return wsd.size();
    }

    /**
     * The grid indices the explorer starts at, the middle of each axis (the lower middle for an even
     * count): {@code [peak, warmup, cooldown]}. The script's sliders start there and the static
     * picture shows that state.
     */
    public int[] initial() {
        return new int[] {peaks.length / 2, warmups.length / 2, cooldowns.length / 2};
    }

    /** The initial state in words: "peak 3e-4, warmup 1000 steps, cooldown 25%". */
    public String initialText() {
        int[] at = initial();
        return "peak " + Numbers.format(peaks[at[0]]) + ", warmup " + warmups[at[1]] + " steps, cooldown "
                + Math.round(100 * cooldowns[at[2]]) + "%";
    }

    /** The first step of the zoomed loss view (where the stored steps are denser). */
    public int zoomFrom() {
        return zoomFrom;
    }

    /** The chart heading given to the explorer. */
    public String title() {
        return title;
    }

    /** The WSD curve at these grid indices. */
    public PredictedCurve wsd(int peak, int warmup, int cooldown) {
        return wsd.get((peak * warmups.length + warmup) * cooldowns.length + cooldown);
    }

    /** The cosine reference at these grid indices. */
    public PredictedCurve cosine(int peak, int warmup) {
        return cosine.get(peak * warmups.length + warmup);
    }

    /**
     * Every WSD schedule's predicted final loss beside the cosine reference with the same peak and
     * warmup: columns peak, warmup, cooldown, predicted_loss, cosine_loss.
     */
    public Table table() {
        DoubleColumn peak = DoubleColumn.create("peak");
        IntColumn warmup = IntColumn.create("warmup");
        DoubleColumn cooldown = DoubleColumn.create("cooldown");
        DoubleColumn loss = DoubleColumn.create("predicted_loss");
        DoubleColumn reference = DoubleColumn.create("cosine_loss");
        for (int p = 0; p < peaks.length; p++) {
            for (int w = 0; w < warmups.length; w++) {
                for (int c = 0; c < cooldowns.length; c++) {
                    peak.append(peaks[p]);
                    warmup.append(warmups[w]);
                    cooldown.append(cooldowns[c]);
                    loss.append(wsd(p, w, c).finalLoss());
                    reference.append(cosine(p, w).finalLoss());
                }
            }
        }
        return Table.create("explorer grid (" + shape.specName() + " cooldown)", peak, warmup, cooldown, loss,
                reference);
    }

    /**
     * The grid as JSON: {@code title, law, total, shape, finalFraction, peaks, warmups, cooldowns,
     * steps}, then {@code wsd} (one {@code {lr, loss}} object per grid point, index
     * {@code (peak * warmups + warmup) * cooldowns + cooldown}) and {@code cosine} (index
     * {@code peak * warmups + warmup}); {@code lr} is the rate as a fraction of the curve's peak (1 on
     * the stable phase). Losses keep six significant digits, rates four; {@code zoomFrom}
     * is the first step of the zoomed view, where the steps are denser.
     */
    public String json() {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("title", title);
            json.writeStringField("law", lawName);
            json.writeNumberField("total", total);
            json.writeNumberField("zoomFrom", zoomFrom);
            json.writeStringField("shape", shape.specName());
            json.writeNumberField("finalFraction", finalFraction);
            numbers(json, "peaks", peaks, RATE_DIGITS);
            json.writeArrayFieldStart("warmups");
            for (int w : warmups) {
                json.writeNumber(w);
            }
            json.writeEndArray();
            numbers(json, "cooldowns", cooldowns, RATE_DIGITS);
            int[] at = initial();
            json.writeObjectFieldStart("initial");
            json.writeNumberField("peaks", at[0]);
            json.writeNumberField("warmups", at[1]);
            json.writeNumberField("cooldowns", at[2]);
            json.writeEndObject();
            json.writeArrayFieldStart("steps");
            for (int s : steps) {
                json.writeNumber(s);
            }
            json.writeEndArray();
            curves(json, "wsd", wsd, warmups.length * cooldowns.length);
            curves(json, "cosine", cosine, warmups.length);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("explorer: cannot write JSON: " + e.getMessage(), e);
        }
        return out.toString();
    }

    /**
     * A self-contained HTML block for a notebook cell: sliders for peak, warmup and cooldown
     * fraction redraw the schedule and its predicted loss from the inline JSON, on two canvases; no
     * network, no external script. Jupyter runs the script only in a trusted notebook; until it
     * runs, the block shows {@code picturePngBase64} (a PNG of the {@link #initial()} state, drawn by
     * the caller) and a line saying how to trust the notebook.
     */
    public String html(String picturePngBase64) {
        return ExplorerPage.html(json(), picturePngBase64, initialText());
    }

    private static void numbers(JsonGenerator json, String field, double[] values, MathContext digits)
            throws IOException {
        json.writeArrayFieldStart(field);
        for (double v : values) {
            json.writeNumber(new BigDecimal(v).round(digits).stripTrailingZeros());
        }
        json.writeEndArray();
    }

    /** The curves in grid order; {@code perPeak} consecutive curves share a peak. */
    private void curves(JsonGenerator json, String field, List<PredictedCurve> curves, int perPeak)
            throws IOException {
        json.writeArrayFieldStart(field);
        for (int i = 0; i < curves.size(); i++) {
            PredictedCurve curve = curves.get(i);
            double peak = peaks[i / perPeak];
            json.writeStartObject();
            json.writeStringField("name", curve.name());
            numbers(json, "lr", Arrays.stream(curve.lr()).map(r -> r / peak).toArray(), RATE_DIGITS);
            numbers(json, "loss", curve.losses(), LOSS_DIGITS);
            json.writeEndObject();
        }
        json.writeEndArray();
    }
}
