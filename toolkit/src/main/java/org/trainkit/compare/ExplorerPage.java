package org.trainkit.compare;

/**
 * The HTML and script of the schedule explorer ({@link ExplorerGrid#html(String)}): three range
 * sliders (peak, warmup, cooldown fraction), a zoom box, two canvases (rate and predicted loss
 * against the step) and a line of numbers. The script only looks up precomputed curves in the
 * inline JSON and draws them; it loads nothing. Written by hand because a charting library would
 * have to be inlined into every notebook output to work offline.
 *
 * <p>Jupyter runs an output's script only in a trusted notebook, and strips scripts and styles
 * from untrusted ones. So the markup holds only a static picture of the explorer's initial state
 * and one line saying how to trust the notebook; the script, when it runs, replaces both with the
 * sliders and canvases. An untrusted notebook shows the picture, never dead sliders.
 */
final class ExplorerPage {

    private ExplorerPage() {
    }

    /** The page for this grid JSON (as written by {@link ExplorerGrid#json()}). */
    static String html(String json, String picturePngBase64, String pictureText) {
        String id = "tk-explorer-" + Integer.toHexString(json.hashCode());
        // Inside a script element "</script>" would end it; '<' occurs in JSON only inside strings,
        // where the escape \u003c means the same character.
        String data = json.replace("<", "\\u003c");
        return TEMPLATE.replace("@ID@", id).replace("@DATA@", data).replace("@PNG@", picturePngBase64)
                .replace("@ALT@", escape(pictureText));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static final String TEMPLATE = """
            <div id="@ID@" style="font:13px sans-serif;max-width:940px;color:#222">
              <img alt="@ALT@" src="data:image/png;base64,@PNG@" width="920">
              <p>A static picture of the explorer at its initial settings (@ALT@). The sliders need a
              trusted notebook: choose File &gt; Trust Notebook (or run <code>jupyter trust</code> on the
              notebook file) and reload.</p>
            </div>
            <script>
            (function () {
              var D = @DATA@;
              var root = document.getElementById("@ID@");
              if (!root) { return; }
              root.innerHTML = `
                  <div class="tk-title" style="font-weight:bold;margin:4px 0"></div>
                  <div style="display:flex;flex-wrap:wrap;gap:6px 22px;align-items:center;margin:4px 0">
                    <label>peak <input type="range" data-key="peaks" step="1" style="vertical-align:middle"> <b></b></label>
                    <label>warmup <input type="range" data-key="warmups" step="1" style="vertical-align:middle"> <b></b></label>
                    <label>cooldown <input type="range" data-key="cooldowns" step="1" style="vertical-align:middle"> <b></b></label>
                    <label><input type="checkbox" class="tk-zoom" checked> loss: only the last 30% of steps</label>
                  </div>
                  <div style="margin:2px 0 0 64px">
                    <span style="display:inline-block;width:26px;border-top:2.5px solid #1f5fbf;vertical-align:middle"></span>
                    <span class="tk-wsd-name"></span>
                    <span style="display:inline-block;width:26px;border-top:2px dashed #999;vertical-align:middle;margin-left:18px"></span>
                    cosine with the same peak, warmup and final rate
                  </div>
                  <div><canvas class="tk-lr" width="460" height="290"></canvas><canvas class="tk-loss" width="460" height="290"></canvas></div>
                  <div class="tk-out" style="margin-top:4px;line-height:1.5"></div>
                `;
              root.querySelector(".tk-title").textContent = D.title;
              root.querySelector(".tk-wsd-name").textContent = "WSD, " + ({linear: "linear", sqrt: "1-sqrt", square: "square",
                  cosine: "cosine", exp: "exponential"}[D.shape] || D.shape) + " cooldown";
              var sliders = root.querySelectorAll("input[type=range]");
              var zoom = root.querySelector(".tk-zoom");
              var nw = D.warmups.length, nc = D.cooldowns.length;
              function fmt(v) {
                if (v === 0) { return "0"; }
                var a = Math.abs(v);
                return (a < 1e-2 || a >= 1e5) ? v.toExponential(1) : String(Math.round(v * 1e4) / 1e4);
              }
              function label(key, v) {
                if (key === "peaks") { return v.toExponential(1); }
                if (key === "warmups") { return v + " steps"; }
                return Math.round(v * 100) + "% (" + Math.round(v * D.total) + " steps)";
              }
              function idx() {
                var r = {};
                sliders.forEach(function (s) { r[s.dataset.key] = +s.value; });
                return r;
              }
              function ticks(lo, hi) {
                var raw = (hi - lo) / 5, step = Math.pow(10, Math.floor(Math.log10(raw))), q = raw / step;
                step *= q > 5 ? 10 : q > 2 ? 5 : q > 1 ? 2 : 1;
                var out = [];
                for (var v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) { out.push(v); }
                return out;
              }
              function draw(canvas, title, xr, yr, series) {
                var c = canvas.getContext("2d"), W = canvas.width, H = canvas.height, L = 64, R = 22, T = 26, B = 34;
                function X(v) { return L + (v - xr[0]) / (xr[1] - xr[0]) * (W - L - R); }
                function Y(v) { return H - B - (v - yr[0]) / (yr[1] - yr[0]) * (H - T - B); }
                c.setLineDash([]);
                c.fillStyle = "#fff"; c.fillRect(0, 0, W, H);
                c.font = "11px sans-serif"; c.lineWidth = 1;
                ticks(yr[0], yr[1]).forEach(function (v) {
                  c.strokeStyle = "#e4e4e4"; c.beginPath(); c.moveTo(L, Y(v)); c.lineTo(W - R, Y(v)); c.stroke();
                  c.fillStyle = "#444"; c.textAlign = "right"; c.textBaseline = "middle"; c.fillText(fmt(v), L - 5, Y(v));
                });
                ticks(xr[0], xr[1]).forEach(function (v) {
                  c.strokeStyle = "#e4e4e4"; c.beginPath(); c.moveTo(X(v), T); c.lineTo(X(v), H - B); c.stroke();
                  c.fillStyle = "#444"; c.textAlign = "center"; c.textBaseline = "top"; c.fillText(String(Math.round(v)), X(v), H - B + 4);
                });
                c.strokeStyle = "#888"; c.strokeRect(L, T, W - L - R, H - T - B);
                c.fillStyle = "#222"; c.textAlign = "center"; c.textBaseline = "alphabetic";
                c.font = "bold 12px sans-serif"; c.fillText(title, L + (W - L - R) / 2, T - 9);
                c.font = "11px sans-serif"; c.fillText("step", L + (W - L - R) / 2, H - 3);
                c.save(); c.beginPath(); c.rect(L, T, W - L - R, H - T - B); c.clip();
                series.forEach(function (s) {
                  c.strokeStyle = s.color; c.lineWidth = s.width; c.setLineDash(s.dash || []);
                  c.beginPath();
                  var started = false;
                  for (var i = 0; i < D.steps.length; i++) {
                    if (D.steps[i] < xr[0] - 1) { continue; }
                    var x = X(D.steps[i]), y = Y(s.y[i]);
                    if (started) { c.lineTo(x, y); } else { c.moveTo(x, y); started = true; }
                  }
                  c.stroke();
                });
                c.restore();
              }
              function lossRange(from) {
                var lo = Infinity, hi = -Infinity;
                D.wsd.concat(D.cosine).forEach(function (cv) {
                  for (var i = 0; i < D.steps.length; i++) {
                    if (D.steps[i] >= from) { lo = Math.min(lo, cv.loss[i]); hi = Math.max(hi, cv.loss[i]); }
                  }
                });
                var pad = (hi - lo) * 0.05;
                return [lo - pad, hi + pad];
              }
              var fullRange = lossRange(D.total / 10), zoomRange = lossRange(D.zoomFrom);
              var lrTop = Math.max.apply(null, D.peaks) * 1.08;
              function redraw() {
                var k = idx();
                sliders.forEach(function (s) {
                  s.parentNode.querySelector("b").textContent = label(s.dataset.key, D[s.dataset.key][+s.value]);
                });
                var w = D.wsd[(k.peaks * nw + k.warmups) * nc + k.cooldowns], cos = D.cosine[k.peaks * nw + k.warmups];
                var peak = D.peaks[k.peaks];
                function scaled(lr) { return lr.map(function (r) { return r * peak; }); }
                draw(root.querySelector(".tk-lr"), "learning rate", [0, D.total], [0, lrTop], [
                  {y: scaled(cos.lr), color: "#999", width: 1.5, dash: [6, 4]},
                  {y: scaled(w.lr), color: "#1f5fbf", width: 2.2}]);
                draw(root.querySelector(".tk-loss"), "predicted loss (" + D.law + ")",
                  zoom.checked ? [D.zoomFrom, D.total] : [0, D.total], zoom.checked ? zoomRange : fullRange, [
                  {y: cos.loss, color: "#999", width: 1.5, dash: [6, 4]},
                  {y: w.loss, color: "#1f5fbf", width: 2.2}]);
                var last = D.steps.length - 1, best = 0;
                for (var c = 1; c < nc; c++) {
                  if (D.wsd[(k.peaks * nw + k.warmups) * nc + c].loss[last] < D.wsd[(k.peaks * nw + k.warmups) * nc + best].loss[last]) { best = c; }
                }
                var diff = w.loss[last] - cos.loss[last];
                root.querySelector(".tk-out").innerHTML =
                  "Predicted final loss: <b>" + w.loss[last].toFixed(5) + "</b> for this WSD, " + cos.loss[last].toFixed(5)
                  + " for cosine with the same peak and warmup (difference " + (diff >= 0 ? "+" : "") + diff.toFixed(5) + ").<br>"
                  + "Best cooldown on this grid at this peak and warmup: " + label("cooldowns", D.cooldowns[best]) + ", "
                  + D.wsd[(k.peaks * nw + k.warmups) * nc + best].loss[last].toFixed(5) + ". All schedules end at "
                  + Math.round(D.finalFraction * 100) + "% of the peak; " + D.total + " steps.";
              }
              sliders.forEach(function (s) {
                var n = D[s.dataset.key].length;
                s.min = 0; s.max = n - 1; s.value = D.initial[s.dataset.key];
                s.addEventListener("input", redraw);
              });
              zoom.addEventListener("change", redraw);
              redraw();
            })();
            </script>
            """;
}
