package io.windbell.platform.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.windbell.contracts.Text;
import io.windbell.platform.problem.ProblemException;
import io.windbell.platform.problem.Violation;

/** A form body that is not one is a 400 at its field (the built-in reader ended in a 500). */
class StrictFormReaderTest {

    @Test
    void aFormIsReadFieldByField() {
        var form = StrictFormReader.parse("lang=en&Q_NPS=9&Q_CHOICE=a&Q_CHOICE=b&text=caf%C3%A9+ok&empty=");
        assertThat(form.getFirst("lang")).isEqualTo("en");
        assertThat(form.get("Q_CHOICE")).containsExactly("a", "b");
        assertThat(form.getFirst("text")).isEqualTo("café ok");
        assertThat(form.getFirst("empty")).isEmpty();
        assertThat(StrictFormReader.parse("")).isEmpty();
    }

    @Test
    void brokenEscapesEmptyNamesAndRefusedTextAreFieldViolations() {
        assertThat(violation("%zz=1")).isEqualTo(new Violation("$", "is not valid percent-encoded UTF-8"));
        assertThat(violation("text=%")).isEqualTo(new Violation("text", "is not valid percent-encoded UTF-8"));
        assertThat(violation("=&&=")).isEqualTo(new Violation("$", "every field must have a name"));
        assertThat(violation("text=a%00b")).isEqualTo(new Violation("text", Text.RULE));
    }

    private static Violation violation(String body) {
        ProblemException e = catchThrowableOfType(ProblemException.class, () -> StrictFormReader.parse(body));
        assertThat(e).as(body).isNotNull();
        assertThat(e.problem().status()).isEqualTo(400);
        List<Violation> violations = e.problem().violations();
        assertThat(violations).hasSize(1);
        return violations.getFirst();
    }
}
