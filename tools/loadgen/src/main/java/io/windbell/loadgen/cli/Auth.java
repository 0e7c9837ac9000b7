package io.windbell.loadgen.cli;

/** How to authenticate: a fixed bearer token, OAuth2 client credentials, or nothing. */
public record Auth(String token, String tokenUrl, String clientId, String clientSecret) {

    public static final Auth NONE = new Auth(null, null, null, null);

    public boolean clientCredentials() {
        return tokenUrl != null;
    }

    static Auth from(Args args) throws UsageException {
        String token = args.string("token", null);
        String tokenUrl = args.string("token-url", null);
        if (token != null && tokenUrl != null) {
            throw new UsageException("give either --token or --token-url, not both");
        }
        if (tokenUrl == null) {
            if (args.has("client-id") || args.has("client-secret")) {
                throw new UsageException("--client-id and --client-secret go with --token-url");
            }
            return token == null ? NONE : new Auth(token, null, null, null);
        }
        return new Auth(null, tokenUrl, args.required("client-id"), args.required("client-secret"));
    }

    @Override
    public String toString() {
        // Keeps secrets out of logs and exception messages.
        return token != null ? "Auth[token]" : tokenUrl != null ? "Auth[" + clientId + "@" + tokenUrl + "]" : "Auth[]";
    }
}
