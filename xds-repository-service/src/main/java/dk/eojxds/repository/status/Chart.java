package dk.eojxds.repository.status;

import java.util.ArrayList;
import java.util.List;

/**
 * A bar chart drawn on the server as SVG (no script, so nothing can fail in the browser and a
 * screen reader gets the same figures from the table beside it). Coordinates are in a
 * 600 × 200 view box that scales with the page.
 */
record Chart(String title, List<Bar> bars, Double targetY, String targetLabel) {

    static final int WIDTH = 600;
    static final int HEIGHT = 200;
    private static final int TOP = 10;
    private static final int BOTTOM = 30;

    record Bar(double x, double y, double width, double height, String label, String value, double labelX) {
    }

    static Chart bars(String title, List<String> labels, List<Long> values, Long target) {
        long max = Math.max(1, values.stream().mapToLong(Long::longValue).max().orElse(1));
        if (target != null) {
            max = Math.max(max, target);
        }
        double plot = HEIGHT - TOP - BOTTOM;
        double slot = (double) WIDTH / Math.max(1, labels.size());
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            double height = plot * values.get(i) / max;
            double x = i * slot + slot * 0.15;
            // "2026-03" is labelled "03" below its bar, the year where it changes
            String month = labels.get(i);
            String label = i == 0 || month.endsWith("-01") ? month : month.substring(5);
            bars.add(new Bar(x, TOP + plot - height, slot * 0.7, height, label, String.format("%,d", values.get(i))
                    .replace(',', '.'), x + slot * 0.35));
        }
        Double targetY = target == null ? null : TOP + plot - plot * target / max;
        return new Chart(title, bars, targetY, target == null ? null : "mål " + String.format("%,d", target).replace(',', '.'));
    }

    public int labelY() {
        return HEIGHT - 10;
    }
}
