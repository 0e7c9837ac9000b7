package io.windbell.gateway.proxy;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The request id of every request: a caller's own {@code X-Request-Id} is kept when it is a plain token of 8 to 64
 * characters (a channel app correlating its retries), anything else is replaced, so a log line can never be forged or
 * bloated through it.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{8,64}");

    private RequestIds() {
    }

    public static String accept(String inbound) {
        return inbound != null && ACCEPTABLE.matcher(inbound).matches() ? inbound : UUID.randomUUID().toString();
    }
}
