package io.windbell.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Survey's packages depend on each other without a cycle, as their {@code import io.windbell.survey.…} lines tell:
 * adapters ({@code messaging}) call use cases, never the reverse.
 */
class PackageCyclesTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final String ROOT = "io.windbell.survey";
    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    private static final Pattern IMPORT = Pattern
            .compile("^import\\s+(?:static\\s+)?(" + Pattern.quote(ROOT) + "[\\w.]*)\\s*;", Pattern.MULTILINE);

    @Test
    void surveysPackagesHaveNoCycle() {
        Map<String, Set<String>> graph = imports();

        assertThat(graph).as("the import graph was read").containsKey(ROOT + ".trigger");
        assertThat(graph.get(ROOT + ".trigger")).contains(ROOT + ".invitation");
        assertThat(cycles(graph)).as("package cycles in %s", graph).isEmpty();
    }

    @Test
    void onlyTheReadinessCheckLooksIntoTheMessagingAdapters() {
        Map<String, Set<String>> graph = imports();

        graph.forEach((from, to) -> {
            if (!from.equals(ROOT + ".messaging") && !from.equals(ROOT + ".health")) {
                assertThat(to).as("%s imports", from).doesNotContain(ROOT + ".messaging");
            }
        });
    }

    @Test
    void aCycleIsFound() {
        Map<String, Set<String>> graph = Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a", "d"), "d",
                Set.of());

        assertThat(cycles(graph)).containsExactly(new TreeSet<>(List.of("a", "b", "c")));
    }

    /** Which survey packages each survey package imports (itself left out). */
    static Map<String, Set<String>> imports() {
        Map<String, Set<String>> graph = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                Matcher declared = PACKAGE.matcher(source);
                if (!declared.find()) {
                    continue;
                }
                String from = declared.group(1);
                Set<String> to = graph.computeIfAbsent(from, p -> new TreeSet<>());
                Matcher imported = IMPORT.matcher(source);
                while (imported.find()) {
                    String target = packageOf(imported.group(1));
                    if (!target.equals(from)) {
                        to.add(target);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return graph;
    }

    /** The package part of an imported name: the segments before the first that starts with a capital. */
    private static String packageOf(String name) {
        List<String> segments = new ArrayList<>();
        for (String segment : name.split("\\.")) {
            if (Character.isUpperCase(segment.charAt(0))) {
                break;
            }
            segments.add(segment);
        }
        return String.join(".", segments);
    }

    /** The strongly connected components of more than one package (Tarjan): each is a cycle. */
    static List<Set<String>> cycles(Map<String, Set<String>> graph) {
        Tarjan tarjan = new Tarjan(graph);
        graph.keySet().forEach(node -> {
            if (!tarjan.index.containsKey(node)) {
                tarjan.visit(node);
            }
        });
        return tarjan.components.stream().filter(component -> component.size() > 1).toList();
    }

    private static final class Tarjan {
        final Map<String, Set<String>> graph;
        final Map<String, Integer> index = new HashMap<>();
        final Map<String, Integer> low = new HashMap<>();
        final Deque<String> stack = new ArrayDeque<>();
        final List<Set<String>> components = new ArrayList<>();

        Tarjan(Map<String, Set<String>> graph) {
            this.graph = graph;
        }

        void visit(String node) {
            index.put(node, index.size());
            low.put(node, index.get(node));
            stack.push(node);
            for (String next : graph.getOrDefault(node, Set.of())) {
                if (!index.containsKey(next)) {
                    visit(next);
                    low.put(node, Math.min(low.get(node), low.get(next)));
                } else if (stack.contains(next)) {
                    low.put(node, Math.min(low.get(node), index.get(next)));
                }
            }
            if (low.get(node).equals(index.get(node))) {
                Set<String> component = new TreeSet<>();
                String member;
                do {
                    member = stack.pop();
                    component.add(member);
                } while (!member.equals(node));
                components.add(component);
            }
        }
    }
}
