package dk.eojxds.bench.drill;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the drill's commands: to completion (failing with the output) or in the background, logged to a file. */
final class Shell {

    private Shell() {
    }

    static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        // pkill answers 1 when nothing matched: not a failure for a drill that kills what may be gone
        if (exit != 0 && !(command[0].equals("pkill") && exit == 1)) {
            throw new IOException(String.join(" ", command) + " exited " + exit + ": " + output);
        }
        return output;
    }

    static String runAs(String user, String... command) throws IOException, InterruptedException {
        return run(as(user, command));
    }

    static Process start(Path log, String... command) throws IOException {
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    static Process startAs(String user, Path log, String... command) throws IOException {
        return start(log, as(user, command));
    }

    private static String[] as(String user, String... command) {
        List<String> all = new ArrayList<>(List.of("runuser", "-u", user, "--"));
        all.addAll(List.of(command));
        return all.toArray(String[]::new);
    }
}
