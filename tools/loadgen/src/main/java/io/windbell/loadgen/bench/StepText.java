package io.windbell.loadgen.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Text as bench.py handles it: {@code open(path, errors="replace")} (UTF-8, bad bytes replaced, universal newlines),
 * {@code str.splitlines()}, {@code str.strip()} and {@code str.split()}. Package-private helper of the step group.
 */
final class StepText {

    private StepText() {
    }

    /** {@code open(path, errors="replace").read()}: UTF-8 with replacement, \r\n and \r read as \n. */
    static String read(Path path) throws IOException {
        String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(Files.readAllBytes(path)))
                .toString();
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }

    /**
     * The lines of a text file read as they are consumed (a ConsoleConsumer dump of a replicas row runs to hundreds of
     * MB): the same lines as {@link #fileLines}, without holding the file. Close the stream.
     */
    static Stream<String> streamLines(Path path) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        return new BufferedReader(new InputStreamReader(Files.newInputStream(path), decoder), 1 << 16).lines();
    }

    /** Iterating over an open text file: the lines without their {@code \n}. */
    static List<String> fileLines(Path path) throws IOException {
        String text = read(path);
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    /** {@code str.splitlines()}. */
    static List<String> splitlines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (isLineBreak(c)) {
                lines.add(text.substring(start, i));
                i += (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') ? 2 : 1;
                start = i;
            } else {
                i++;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }

    private static boolean isLineBreak(char c) {
        return c == '\n' || c == '\r' || c == 0x0b || c == 0x0c || c == 0x1c || c == 0x1d || c == 0x1e || c == 0x85
                || c == 0x2028 || c == 0x2029;
    }

    /** Python's {@code str.isspace()} for one character. */
    static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == 0x85 || (c >= 0x1c && c <= 0x1f);
    }

    /** {@code str.strip()}. */
    static String strip(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && isSpace(s.charAt(from))) {
            from++;
        }
        while (to > from && isSpace(s.charAt(to - 1))) {
            to--;
        }
        return s.substring(from, to);
    }

    /** {@code str.split()}: the runs of non-whitespace. */
    static List<String> split(String s) {
        List<String> words = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            while (i < s.length() && isSpace(s.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < s.length() && !isSpace(s.charAt(i))) {
                i++;
            }
            if (i > start) {
                words.add(s.substring(start, i));
            }
        }
        return words;
    }

    /** {@code str.isdigit()} for ASCII digits (non-empty). */
    static boolean isDigits(String s) {
        return !s.isEmpty() && s.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
