package org.crdsj.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * CRDS's {@code @file} arguments: a word {@code @path} in a file list stands for the words of that
 * file (whitespace-separated, lines starting with {@code #} ignored, nested {@code @} allowed).
 */
final class WordLists {
    private WordLists() {}

    static List<String> expand(ToolEnvironment env, List<String> words) {
        List<String> out = new ArrayList<>();
        if (words == null) return out;
        for (String w : words) {
            if (!w.startsWith("@")) {
                out.add(w);
                continue;
            }
            try {
                List<String> inner = new ArrayList<>();
                for (String line : Files.readAllLines(env.path(w.substring(1)), StandardCharsets.UTF_8)) {
                    String t = line.strip();
                    if (t.isEmpty() || t.startsWith("#")) continue;
                    for (String word : t.split("\\s+")) inner.add(word);
                }
                out.addAll(expand(env, inner));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }
}
