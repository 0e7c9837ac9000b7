package io.windbell.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** Every value of values.yaml is documented by a {@code ## @param <path> <description>} comment. */
class ValuesDocumentationTest {

    private static final Pattern PARAM = Pattern.compile("^\\s*## @param (\\S+) (\\S.*)$", Pattern.MULTILINE);

    @Test
    void everyValueHasAParamCommentAndEveryParamAValue() throws Exception {
        String text = Files.readString(WindbellChart.CHART.resolve("values.yaml"));
        var documented = new TreeSet<String>();
        Matcher m = PARAM.matcher(text);
        while (m.find()) {
            documented.add(m.group(1));
        }

        List<String> leaves = new ArrayList<>();
        leaves(WindbellChart.values(null), "", leaves);

        // a value is documented by its own @param or by one of an enclosing map (free-form maps such as selectors)
        assertThat(leaves).allSatisfy(
                path -> assertThat(documented.stream().anyMatch(p -> path.equals(p) || path.startsWith(p + ".")))
                        .as("## @param for %s", path).isTrue());
        // and no @param documents a value that does not exist
        assertThat(documented).allSatisfy(
                p -> assertThat(leaves.stream().anyMatch(path -> path.equals(p) || path.startsWith(p + ".")))
                        .as("value for ## @param %s", p).isTrue());
    }

    private static void leaves(Map<?, ?> map, String prefix, List<String> out) {
        map.forEach((key, value) -> {
            String path = prefix.isEmpty() ? key.toString() : prefix + "." + key;
            if (value instanceof Map<?, ?> child && !child.isEmpty()) {
                leaves(child, path, out);
            } else {
                out.add(path);
            }
        });
    }
}
