package org.crdsj.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One {@code crds ...} command line run in-process from a working directory, with what it printed:
 * standard output as lines, and the CRDS log on standard error split into errors, warnings and
 * infos (messages without the {@code CRDS - LEVEL -  } prefix; a message continues over lines
 * until the next prefix).
 */
record ToolRun(int exitStatus, List<String> stdout, List<String> errors, List<String> warnings,
               List<String> infos, String stderr) {

    /** Runs {@code argv} (with or without the leading {@code crds}). */
    static ToolRun run(Path workDir, Map<String, String> variables, List<String> argv) {
        List<String> args = new ArrayList<>(argv);
        if (!args.isEmpty() && args.get(0).equals("crds")) args.remove(0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = CrdsCommand.run(new ToolEnvironment(workDir, variables, o, e), args.toArray(String[]::new));
        }
        String stdoutText = out.toString(StandardCharsets.UTF_8);
        String stderrText = err.toString(StandardCharsets.UTF_8);
        List<String> stdoutLines = new ArrayList<>(Arrays.asList(stdoutText.split("\n", -1)));
        stdoutLines.remove(stdoutLines.size() - 1);   // the text after the last newline (empty when it ends with one)
        List<String> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<String> infos = new ArrayList<>();
        List<String> current = null;
        StringBuilder message = null;
        for (String line : stderrText.split("\n", -1)) {
            String level = levelOf(line);
            if (level != null) {
                if (current != null) current.add(message.toString());
                current = switch (level) {
                    case "ERROR" -> errors;
                    case "WARNING" -> warnings;
                    case "INFO" -> infos;
                    default -> new ArrayList<>();
                };
                message = new StringBuilder(line.substring(("CRDS - " + level + " -  ").length()));
            } else if (current != null) {
                message.append('\n').append(line);
            }
        }
        if (current != null) {
            String last = message.toString();
            current.add(last.endsWith("\n") ? last.substring(0, last.length() - 1) : last);
        }
        return new ToolRun(status, List.copyOf(stdoutLines), errors, warnings, infos, stderrText);
    }

    private static String levelOf(String line) {
        for (String level : List.of("ERROR", "WARNING", "INFO", "DEBUG")) {
            if (line.startsWith("CRDS - " + level + " -  ")) return level;
        }
        return null;
    }
}
