package io.windbell.scoring.support;

import static io.restassured.RestAssured.given;
import static io.restassured.config.JsonConfig.jsonConfig;

import io.restassured.RestAssured;
import io.restassured.path.json.config.JsonPathConfig.NumberReturnType;
import io.restassured.specification.RequestSpecification;

/** REST Assured reading JSON numbers as doubles, so that computed values compare with {@code closeTo}. */
public final class Api {

    private Api() {
    }

    public static RequestSpecification api() {
        return given().config(RestAssured.config().jsonConfig(jsonConfig().numberReturnType(NumberReturnType.DOUBLE)));
    }
}
