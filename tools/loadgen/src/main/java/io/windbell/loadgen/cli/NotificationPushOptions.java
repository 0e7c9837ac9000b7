package io.windbell.loadgen.cli;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What {@code notification-push} adds to the common settings ({@code --base-url} is notification, {@code --rate} the
 * events per second once every stream is open).
 *
 * @param streams
 *            SSE streams held open, one per employee {@code E-bench-00001}…
 * @param connectRate
 *            streams opened per second while connecting (a burst of thousands of handshakes would measure the accept
 *            queue, not the push)
 * @param count
 *            {@code workorder.created} measured, published after the warm-up
 * @param warmupCount
 *            published first at the same rate and left out of the figures
 * @param signingKey
 *            PKCS#8 PEM private key (RSA) the bearer tokens are signed with; notification verifies them with its public
 *            half ({@code quarkus.oidc.public-key})
 * @param issuer
 *            {@code iss} of the tokens
 * @param audience
 *            {@code aud} of the tokens (the realm's {@code windbell-api})
 * @param eventLoops
 *            Vert.x event loops of the client
 * @param servicePid
 *            notification's process, whose RSS is read from /proc before the streams and with them; 0 = not measured
 * @param settle
 *            how long the open streams sit idle before the RSS with streams is read and publishing starts
 * @param answerTimeout
 *            an event not pushed this long after it was published counts as never received
 */
public record NotificationPushOptions(int streams, double connectRate, long count, long warmupCount,
        String workorderTopic, Path signingKey, String issuer, String audience, int eventLoops, long servicePid,
        Duration settle, Duration answerTimeout) {

    public static final String DEFAULT_BASE_URL = "http://127.0.0.1:8086";
    public static final int DEFAULT_STREAMS = 10_000;
    public static final double DEFAULT_CONNECT_RATE = 500;
    public static final double DEFAULT_RATE = 50;
    public static final long DEFAULT_COUNT = 3_000;
    public static final long DEFAULT_WARMUP_COUNT = 200;
    public static final String DEFAULT_ISSUER = "windbell-bench";
    public static final String DEFAULT_AUDIENCE = "windbell-api";
}
