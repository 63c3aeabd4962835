package dk.eojxds.ingest.load;

/** One console line: bar, percentage, counts and rate. */
final class ConsoleBar {

    private static final int WIDTH = 30;

    private ConsoleBar() {
    }

    static String render(InitialLoadProgress.Snapshot s) {
        int filled = (int) Math.round(s.fraction() * WIDTH);
        return String.format("[%s%s] %5.1f%%  %,d lines  %,d stored  %,d quarantined  %,.0f lines/s  file %d/%d %s   ",
                "#".repeat(filled), "-".repeat(WIDTH - filled), s.fraction() * 100, s.lines(), s.resources(),
                s.quarantined(), s.linesPerSecond(), s.fileIndex(), s.files(), s.currentFile());
    }
}
