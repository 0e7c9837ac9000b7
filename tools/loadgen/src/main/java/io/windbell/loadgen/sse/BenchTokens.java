package io.windbell.loadgen.sse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
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

import io.windbell.loadgen.LoadGenException;

/**
 * RS256 access tokens for bench employees, shaped like the realm's (typ Bearer, the API audience, the role in
 * {@code realm_access.roles}, {@code employee_id} and {@code branch_id}), signed with a key the bench made: Keycloak
 * cannot hold ten thousand demo users cheaply. No {@code email} claim, so notification sends them no e-mail.
 */
public final class BenchTokens {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final PrivateKey key;
    private final String issuer;
    private final String audience;
    private final Duration lifetime;

    public BenchTokens(PrivateKey key, String issuer, String audience, Duration lifetime) {
        this.key = key;
        this.issuer = issuer;
        this.audience = audience;
        this.lifetime = lifetime;
    }

    /** A PKCS#8 PEM file ({@code openssl genpkey -algorithm RSA}). */
    public static PrivateKey readKey(Path pem) throws LoadGenException {
        try {
            String text = Files.readString(pem, StandardCharsets.US_ASCII);
            int start = text.indexOf("-----BEGIN PRIVATE KEY-----");
            int end = text.indexOf("-----END PRIVATE KEY-----");
            if (start < 0 || end < start) {
                throw new LoadGenException(pem + " is not a PKCS#8 PEM private key (BEGIN PRIVATE KEY)", null);
            }
            byte[] der = Base64.getMimeDecoder().decode(text.substring(start + 27, end));
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new LoadGenException("cannot read the signing key " + pem + ": " + e.getMessage(), e);
        }
    }

    /** The compact JWT of a frontline employee of {@code branchId}. */
    public String frontline(String employeeId, String branchId) {
        Instant now = Instant.now();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer);
        claims.put("sub", UUID.nameUUIDFromBytes(employeeId.getBytes(StandardCharsets.UTF_8)).toString());
        claims.put("typ", "Bearer");
        claims.put("azp", "windbell-bench");
        claims.put("aud", List.of(audience));
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plus(lifetime).getEpochSecond());
        claims.put("preferred_username", employeeId.toLowerCase(java.util.Locale.ROOT));
        claims.put("realm_access", Map.of("roles", List.of("frontline")));
        claims.put("employee_id", employeeId);
        claims.put("branch_id", branchId);
        try {
            String header = B64.encodeToString(JSON.writeValueAsBytes(Map.of("alg", "RS256", "typ", "JWT")));
            String payload = B64.encodeToString(JSON.writeValueAsBytes(claims));
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return header + "." + payload + "." + B64.encodeToString(rsa.sign());
        } catch (JsonProcessingException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
