package io.windbell.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * {@code docs/events.md} carries the field tables rendered from the schemas. After changing a schema, regenerate them
 * with {@code ./mvnw -pl libs/contracts test -Dtest=EventCatalogDocTest -Dwindbell.docs.update=true}.
 */
class EventCatalogDocTest {

    private static final Path DOC = Path.of(System.getProperty("basedir", "."), "../../docs/events.md").normalize();

    @Test
    void docsShowTheFieldsOfEveryEventTypeAsTheSchemasDefineThem() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        int begin = doc.indexOf(EventCatalogDoc.BEGIN);
        int end = doc.indexOf(EventCatalogDoc.END);
        assertThat(begin).as("generated block in %s", DOC).isNotNegative();
        assertThat(end).as("end of the generated block in %s", DOC).isGreaterThan(begin);

        String current = doc.substring(begin, end + EventCatalogDoc.END.length());
        String rendered = EventCatalogDoc.render();
        if (Boolean.getBoolean("windbell.docs.update") && !current.equals(rendered)) {
            Files.writeString(DOC, doc.replace(current, rendered), StandardCharsets.UTF_8);
            current = rendered;
        }
        assertThat(current).as("docs/events.md is out of date; rerun with -Dwindbell.docs.update=true")
                .isEqualTo(rendered);
        for (EventType type : EventType.values()) {
            assertThat(doc).contains("`" + type.type() + "`");
        }
    }
}
