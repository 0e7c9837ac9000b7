package io.windbell.survey.preference;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.sql.Connection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.windbell.contracts.survey.DeliveryChannel;
import io.windbell.survey.preference.rest.PreferenceResource;
import io.windbell.survey.support.SurveyTestResource;

@QuarkusTest
@QuarkusTestResource(value = SurveyTestResource.class, restrictToAnnotatedClass = true)
class PreferenceResourceTest {

    @Inject
    PreferenceRepository repository;

    @Inject
    DataSource dataSource;

    static Map<String, Object> preference(boolean doNotSurvey, String zone, String locale, String channel) {
        Map<String, Object> p = new HashMap<>();
        p.put("doNotSurvey", doNotSurvey);
        p.put("timeZone", zone);
        p.put("locale", locale);
        p.put("channel", channel);
        return p;
    }

    static String path(String customerId) {
        return "/v1/customers/" + customerId + "/contact-preferences";
    }

    @Test
    @TestSecurity(user = "admin", roles = "cx-admin")
    void aPreferenceRoundTripsAndIsReadOnTheCallersTransaction() throws Exception {
        String customer = "C90000001";
        given().when().get(path(customer)).then().statusCode(404).contentType("application/problem+json");

        given().contentType(ContentType.JSON).body(preference(false, "Europe/London", "en", "EMAIL")).when()
                .put(path(customer)).then().statusCode(200).body("customerId", equalTo(customer))
                .body("doNotSurvey", equalTo(false)).body("timeZone", equalTo("Europe/London"))
                .body("locale", equalTo("en")).body("channel", equalTo("EMAIL")).body("updatedBy", equalTo("admin"))
                .body("updatedAt", notNullValue());
        given().when().get(path(customer)).then().statusCode(200).body("timeZone", equalTo("Europe/London"));

        // absent fields mean "the service default" and are stored as such
        given().contentType(ContentType.JSON).body(preference(true, null, null, null)).when().put(path(customer)).then()
                .statusCode(200).body("doNotSurvey", equalTo(true)).body("timeZone", nullValue())
                .body("channel", nullValue());

        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            assertThat(repository.find(c, customer)).hasValueSatisfying(p -> {
                assertThat(p.doNotSurvey()).isTrue();
                assertThat(p.timeZone()).isNull();
                assertThat(p.updatedBy()).isEqualTo("admin");
            });
            assertThat(repository.find(c, "C90000404")).isEmpty();
            c.rollback();
        }
    }

    @Test
    @TestSecurity(user = "service-account-channel-app", roles = "channel-app")
    void channelAppsReportConsentChanges() {
        String customer = "C90000002";
        given().contentType(ContentType.JSON).body(preference(true, "Asia/Shanghai", "zh-CN", "WECHAT")).when()
                .put(path(customer)).then().statusCode(200).body("updatedBy", equalTo("service-account-channel-app"));
        assertThat(repository.find(customer)).hasValueSatisfying(p -> {
            assertThat(p.doNotSurvey()).isTrue();
            assertThat(p.channel()).isEqualTo(DeliveryChannel.WECHAT);
            assertThat(p.locale()).isEqualTo("zh-CN");
        });
        // but cannot read them back: that is for CX staff
        given().when().get(path(customer)).then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "admin", roles = "cx-admin")
    void invalidPreferencesAreRejectedFieldByField() {
        String customer = "C90000003";
        Map<String, Object> bad = preference(false, "Mars/Olympus_Mons", "fr", "SMS");
        bad.remove("doNotSurvey");
        given().contentType(ContentType.JSON).body(bad).when().put(path(customer)).then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", equalTo(List.of("doNotSurvey", "timeZone", "locale")));
        given().contentType(ContentType.JSON).body(preference(false, "Asia/Shanghai", "en", "CARRIER_PIGEON")).when()
                .put(path(customer)).then().statusCode(400).body("violations[0].field", equalTo("channel"));
        given().contentType(ContentType.JSON).body(preference(false, "+08:00", "en", null)).when().put(path(customer))
                .then().statusCode(400).body("violations.field", equalTo(List.of("timeZone")));
        given().when().get(path(customer)).then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "admin", roles = "cx-admin")
    void theCustomerIdIsMaskedInTheLog() {
        String customer = "C90000006";
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(PreferenceResource.class.getName());
        logger.addHandler(capture);
        try {
            given().contentType(ContentType.JSON).body(preference(false, "Asia/Shanghai", "zh-CN", null)).when()
                    .put(path(customer)).then().statusCode(200);
        } finally {
            logger.removeHandler(capture);
        }
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("C9*****06"));
        assertThat(lines).noneMatch(line -> line.contains(customer));
    }

    @Test
    void withoutAnIdentityIs401() {
        given().when().get(path("C90000001")).then().statusCode(401);
        given().contentType(ContentType.JSON).body(preference(true, null, null, null)).when().put(path("C90000001"))
                .then().statusCode(401);
    }

    @Test
    @TestSecurity(user = "analyst", roles = "cx-analyst")
    void analystsReadButDoNotChange() {
        given().when().get(path("C90000404")).then().statusCode(404);
        given().contentType(ContentType.JSON).body(preference(true, null, null, null)).when().put(path("C90000004"))
                .then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "teller", roles = "frontline")
    void frontlineMayNeither() {
        given().when().get(path("C90000001")).then().statusCode(403);
        given().contentType(ContentType.JSON).body(preference(true, null, null, null)).when().put(path("C90000005"))
                .then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "manager", roles = "branch-manager")
    void branchManagersMayNeither() {
        given().when().get(path("C90000001")).then().statusCode(403);
        given().contentType(ContentType.JSON).body(preference(true, null, null, null)).when().put(path("C90000005"))
                .then().statusCode(403);
    }
}
