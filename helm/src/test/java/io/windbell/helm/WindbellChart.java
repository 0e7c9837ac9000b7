package io.windbell.helm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * The chart under test and what the tests do with it: real Helm (helm-java's native library) for {@code lint} and
 * {@code template}, fabric8 typed objects for the rendered manifests.
 */
final class WindbellChart {

    static final String RELEASE = "windbell";
    static final String NAMESPACE = "windbell";
    /** The Kubernetes version rendered for (helm-java's default would be v1.20, below the chart's kubeVersion). */
    static final String KUBE_VERSION = "1.33.0";

    /** The chart directory, helm/windbell (set by the pom; the fallback is for running from an IDE). */
    static final Path CHART = Path.of(System.getProperty("windbell.chart.dir", "windbell")).toAbsolutePath()
            .normalize();

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final KubernetesSerialization KUBERNETES = new KubernetesSerialization();

    private WindbellChart() {
    }

    /** A value file of src/test/resources, e.g. {@code values/hpa.yaml}. */
    static Path resource(String name) {
        try {
            var url = WindbellChart.class.getResource("/" + name);
            if (url == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code helm lint --strict} of a chart directory. */
    static LintResult lint(Path chart) {
        return new Helm(chart).lint().strict().call();
    }

    /**
     * {@code helm template windbell helm/windbell -n windbell --kube-version 1.33.0 [-f valuesFile]}: rendering
     * includes Helm's validation of the values against values.schema.json.
     */
    static String template(Path valuesFile) {
        TemplateCommand template = new Helm(CHART).template().withName(RELEASE).withNamespace(NAMESPACE)
                .withKubeVersion(KUBE_VERSION);
        if (valuesFile != null) {
            template = template.withValuesFile(valuesFile);
        }
        return template.call();
    }

    /**
     * A copy of the chart whose values.yaml is the chart's own merged with {@code overlay} the way Helm merges a
     * {@code -f} file (maps key by key, other values replace, null removes the key). Needed because {@code helm lint}
     * from helm-java takes no values files; lint then checks the chart with exactly the values an install with
     * {@code -f overlay} would get.
     */
    static Path chartWithValues(Path overlay, Path workDir) throws IOException {
        Path copy = workDir.resolve("windbell");
        try (Stream<Path> files = Files.walk(CHART)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path target = copy.resolve(CHART.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
        YAML.writeValue(copy.resolve("values.yaml").toFile(), values(overlay));
        return copy;
    }

    /** The values an install gets: the chart's values.yaml, merged with {@code overlay} when not null. */
    static Map<String, Object> values(Path overlay) throws IOException {
        Map<String, Object> values = readYamlMap(CHART.resolve("values.yaml"));
        if (overlay != null) {
            merge(values, readYamlMap(overlay));
        }
        return values;
    }

    /** Names of the services that are enabled in the given values. */
    @SuppressWarnings("unchecked")
    static TreeSet<String> enabledServices(Map<String, Object> values) {
        var enabled = new TreeSet<String>();
        ((Map<String, Object>) values.get("services")).forEach((name, entry) -> {
            if (entry instanceof Map<?, ?> map && Boolean.TRUE.equals(map.get("enabled"))) {
                enabled.add(name);
            }
        });
        return enabled;
    }

    /**
     * Every document of a rendered chart as a typed fabric8 object. Fails when a document is of a kind fabric8 does not
     * know (it would come back as a {@link GenericKubernetesResource}) or when any object in it carries a field its
     * Kubernetes type does not have (fabric8 keeps those in {@code additionalProperties} instead of failing, so every
     * object is walked).
     */
    static List<HasMetadata> parse(String manifests) {
        var resources = new ArrayList<HasMetadata>();
        var problems = new ArrayList<String>();
        try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(manifests)) {
            while (docs.hasNext()) {
                JsonNode doc = docs.next();
                if (doc == null || doc.isNull() || doc.isMissingNode() || doc.isEmpty()) {
                    continue;
                }
                String where = doc.path("kind").asText() + "/" + doc.path("metadata").path("name").asText();
                KubernetesResource parsed = KUBERNETES.unmarshal(JSON.writeValueAsString(doc),
                        KubernetesResource.class);
                if (!(parsed instanceof HasMetadata resource) || parsed instanceof GenericKubernetesResource) {
                    problems.add(where + ": not a known Kubernetes type (" + parsed.getClass().getName() + ")");
                    continue;
                }
                unknownFields(resource, where, problems);
                resources.add(resource);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!problems.isEmpty()) {
            throw new AssertionError(
                    "rendered manifests do not match their Kubernetes types:\n  " + String.join("\n  ", problems));
        }
        return resources;
    }

    /** Adds to {@code problems} every object under {@code value} that holds fields unknown to its type. */
    static void unknownFields(Object value, String path, List<String> problems) {
        if (value == null) {
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> unknownFields(item, path + "[" + key + "]", problems));
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                unknownFields(item, path + "[" + i++ + "]", problems);
            }
            return;
        }
        Class<?> type = value.getClass();
        if (!type.getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method getter : type.getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get") || getter.getDeclaringClass() == Object.class
                    || getter.getReturnType().isPrimitive() || getter.getReturnType() == String.class) {
                continue;
            }
            Object property;
            try {
                property = getter.invoke(value);
            } catch (IllegalAccessException | InvocationTargetException e) {
                continue;
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                if (property instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    problems.add(path + ": unknown field(s) " + extra.keySet());
                }
            } else {
                String name = Character.toLowerCase(getter.getName().charAt(3)) + getter.getName().substring(4);
                unknownFields(property, path + "." + name, problems);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void merge(Map<String, Object> base, Map<String, Object> overlay) {
        overlay.forEach((key, value) -> {
            Object current = base.get(key);
            if (value == null) {
                base.remove(key);
            } else if (value instanceof Map<?, ?> map && current instanceof Map<?, ?>) {
                merge((Map<String, Object>) current, (Map<String, Object>) map);
            } else {
                base.put(key, value);
            }
        });
    }

    private static Map<String, Object> readYamlMap(Path file) throws IOException {
        Map<String, Object> map = YAML.readValue(file.toFile(), new TypeReference<LinkedHashMap<String, Object>>() {
        });
        return map == null ? new LinkedHashMap<>() : map;
    }
}
