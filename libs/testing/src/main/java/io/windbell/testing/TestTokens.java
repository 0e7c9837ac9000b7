package io.windbell.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Real RS256-signed JWTs for tests, shaped like the access tokens of the Keycloak realm: {@code typ: Bearer}, the
 * audience {@code windbell-api}, the roles in {@code realm_access.roles}. They are signed with the test-only key
 * {@code test-only-token-signing-key.pem} whose public half is every service's {@code %test.quarkus.oidc.public-key},
 * so a service checks them exactly as it checks Keycloak's (signature, expiry, audience, type); {@code @TestSecurity}
 * skips all of that. Every changing method returns a changed copy, e.g.
 * {@code TestTokens.access("cx-admin").typ("ID")}.
 */
public final class TestTokens {

    /** The audience the realm puts into every access token meant for a Windbell API (see ADR 0015). */
    public static final String API_AUDIENCE = "windbell-api";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final PrivateKey TEST_KEY = readKey("test-only-token-signing-key.pem");

    private final Map<String, Object> claims;
    private final PrivateKey key;
    private final Map<String, Object> header;

    private TestTokens(Map<String, Object> claims, PrivateKey key) {
        this(claims, key, Map.of("alg", "RS256", "typ", "JWT"));
    }

    private TestTokens(Map<String, Object> claims, PrivateKey key, Map<String, Object> header) {
        this.claims = claims;
        this.key = key;
        this.header = header;
    }

    /**
     * The claims of {@code jwt} (e.g. a real token of the realm), to be changed and signed again: by the test-only key
     * unless {@link #signedWith(PrivateKey)} says otherwise.
     */
    @SuppressWarnings("unchecked")
    public static TestTokens withClaimsOf(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length < 2) {
            throw new IllegalArgumentException("not a compact JWT");
        }
        try {
            Map<String, Object> claims = JSON.readValue(Base64.getUrlDecoder().decode(parts[1]), LinkedHashMap.class);
            return new TestTokens(claims, TEST_KEY);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a JWT payload", e);
        }
    }

    /** An access token as Keycloak issues it to a client with the audience mapper, holding these realm roles. */
    public static TestTokens access(String... roles) {
        Instant now = Instant.now();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", "http://127.0.0.1:18080/realms/windbell");
        claims.put("sub", UUID.randomUUID().toString());
        claims.put("typ", "Bearer");
        claims.put("azp", "cx-admin-cli");
        claims.put("aud", List.of(API_AUDIENCE, "account"));
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plus(Duration.ofMinutes(15)).getEpochSecond());
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("preferred_username", "test-user");
        claims.put("realm_access", Map.of("roles", List.of(roles)));
        return new TestTokens(claims, TEST_KEY);
    }

    /** The same token with this claim set; a {@code null} value removes the claim. */
    public TestTokens claim(String name, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(claims);
        if (value == null) {
            copy.remove(name);
        } else {
            copy.put(name, value);
        }
        return new TestTokens(copy, key, header);
    }

    public TestTokens audience(Object audience) {
        return claim("aud", audience);
    }

    public TestTokens typ(String typ) {
        return claim("typ", typ);
    }

    /** Issued and expired in the past (by more than any clock-skew grace a verifier allows). */
    public TestTokens expired() {
        Instant past = Instant.now().minus(Duration.ofHours(2));
        return claim("iat", past.getEpochSecond()).claim("exp", past.plus(Duration.ofMinutes(15)).getEpochSecond());
    }

    /** Signed by a fresh key the service has never seen. */
    public TestTokens signedByAStranger() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return new TestTokens(claims, generator.generateKeyPair().getPrivate(), header);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signed (RS256) by {@code key}. */
    public TestTokens signedWith(PrivateKey key) {
        return new TestTokens(claims, key, header);
    }

    /** The same token with this header parameter (e.g. {@code kid}); a {@code null} value removes it. */
    public TestTokens header(String name, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(header);
        if (value == null) {
            copy.remove(name);
        } else {
            copy.put(name, value);
        }
        return new TestTokens(claims, key, copy);
    }

    /**
     * An unsecured JWT ({@code alg: none}, empty signature): what a forger sends to a verifier that trusts the header.
     */
    public TestTokens unsigned() {
        return header("alg", "none");
    }

    /** The compact JWT. */
    public String jwt() {
        try {
            String header = B64.encodeToString(JSON.writeValueAsBytes(this.header));
            String payload = B64.encodeToString(JSON.writeValueAsBytes(claims));
            if ("none".equals(this.header.get("alg"))) {
                return header + "." + payload + ".";
            }
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return header + "." + payload + "." + B64.encodeToString(rsa.sign());
        } catch (JsonProcessingException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code Bearer <jwt>}, for the {@code Authorization} header. */
    public String bearer() {
        return "Bearer " + jwt();
    }

    private static PrivateKey readKey(String resource) {
        try (InputStream in = TestTokens.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            String base64 = pem.substring(pem.indexOf("-----BEGIN PRIVATE KEY-----") + 27,
                    pem.indexOf("-----END PRIVATE KEY-----")).replaceAll("\\s", "");
            return java.security.KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }
}
