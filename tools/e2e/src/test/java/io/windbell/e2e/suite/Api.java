package io.windbell.e2e.suite;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;

/** Requests to the suite: through the gateway (what clients use) or straight to one service. */
public final class Api {

    private Api() {
    }

    /** A request to the gateway, without credentials. */
    public static RequestSpecification gateway() {
        return given().baseUri(Suite.get().gatewayUrl()).redirects().follow(false);
    }

    /** A request to the gateway with {@code token} as the bearer token. */
    public static RequestSpecification gateway(String token) {
        return gateway().header("Authorization", "Bearer " + token);
    }

    /** A request to the gateway as a demo user ({@code frontline.b001}) or, with a {@code client:} prefix, a client. */
    public static RequestSpecification as(String who) {
        return gateway(token(who));
    }

    /** {@code client:channel-app} or {@code user:frontline.b001} (or just the user name). */
    public static String token(String who) {
        if (who.startsWith("client:")) {
            return Tokens.client(who.substring("client:".length()));
        }
        return Tokens.user(who.startsWith("user:") ? who.substring("user:".length()) : who);
    }

    /** A request straight to one service, bypassing the gateway. */
    public static RequestSpecification service(String name) {
        return given().baseUri(Suite.get().service(name).url()).redirects().follow(false);
    }
}
