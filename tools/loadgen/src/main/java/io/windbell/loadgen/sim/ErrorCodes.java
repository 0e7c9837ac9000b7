package io.windbell.loadgen.sim;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

/** Realistic error codes for a failed step, chosen from the words of the touchpoint code, else by journey. */
final class ErrorCodes {

    private record Rule(Set<String> words, List<String> codes) {
    }

    // Order matters: "face_verify" is a face problem, "otp_verify" an OTP one.
    private static final List<Rule> RULES = List.of(
            new Rule(Set.of("risk"), List.of("RISK_ASSESSMENT_TIMEOUT", "RISK_LEVEL_MISMATCH")),
            new Rule(Set.of("face", "liveness"), List.of("FACE_MATCH_FAILED", "LIVENESS_CHECK_FAILED")),
            new Rule(Set.of("otp", "sms", "code"), List.of("OTP_EXPIRED", "OTP_INVALID")),
            new Rule(Set.of("id", "ocr", "identity", "kyc"), List.of("ID_OCR_FAILED", "ID_CARD_EXPIRED")),
            new Rule(Set.of("credit", "approval"), List.of("CREDIT_CHECK_TIMEOUT", "CREDIT_SCORE_INSUFFICIENT")),
            new Rule(Set.of("sign", "contract"), List.of("E_SIGNATURE_FAILED", "CONTRACT_LOAD_TIMEOUT")),
            new Rule(Set.of("income", "proof", "upload"), List.of("DOCUMENT_UNREADABLE", "FILE_TOO_LARGE")),
            new Rule(Set.of("pin", "password"), List.of("PIN_TOO_SIMPLE", "PIN_SET_FAILED")),
            new Rule(Set.of("activate", "activation"), List.of("CARD_NOT_FOUND", "CARD_ALREADY_ACTIVE")),
            new Rule(Set.of("payment", "pay", "submit", "subscribe", "deposit", "order", "disbursement"),
                    List.of("INSUFFICIENT_BALANCE", "DAILY_LIMIT_EXCEEDED", "PAYMENT_CHANNEL_TIMEOUT")),
            new Rule(Set.of("verify", "verification"), List.of("OTP_EXPIRED", "VERIFICATION_FAILED")),
            new Rule(Set.of("ivr", "agent", "callback"), List.of("CALL_DROPPED", "QUEUE_TIMEOUT")),
            new Rule(Set.of("payee"), List.of("PAYEE_ACCOUNT_INVALID", "PAYEE_NAME_MISMATCH")));

    private static final Map<String, List<String>> BY_JOURNEY = Map.of("WEALTH_PURCHASE",
            List.of("PRODUCT_SOLD_OUT", "RISK_ASSESSMENT_TIMEOUT"), "ACCOUNT_OPENING",
            List.of("ID_OCR_FAILED", "PHONE_NUMBER_MISMATCH"), "LOAN_APPLICATION",
            List.of("CREDIT_CHECK_TIMEOUT", "APPLICATION_INCOMPLETE"), "CARD_ACTIVATION",
            List.of("CARD_NOT_FOUND", "OTP_EXPIRED"), "TRANSFER",
            List.of("INSUFFICIENT_BALANCE", "DAILY_LIMIT_EXCEEDED"), "COMPLAINT",
            List.of("QUEUE_TIMEOUT", "CALL_DROPPED"));

    private static final List<String> GENERIC = List.of("SYSTEM_BUSY", "NETWORK_TIMEOUT", "SESSION_EXPIRED");

    private ErrorCodes() {
    }

    static String pick(String journey, String touchpoint, RandomGenerator rnd) {
        List<String> words = List.of(touchpoint.toLowerCase(Locale.ROOT).split("[._-]"));
        for (Rule rule : RULES) {
            if (words.stream().anyMatch(rule.words()::contains)) {
                return choose(rule.codes(), rnd);
            }
        }
        return choose(BY_JOURNEY.getOrDefault(journey, GENERIC), rnd);
    }

    /** The first code is the common one; the others share the rest, with a little generic noise. */
    private static String choose(List<String> codes, RandomGenerator rnd) {
        double r = rnd.nextDouble();
        if (r < 0.65) {
            return codes.getFirst();
        }
        if (r < 0.92) {
            return codes.get(1 + rnd.nextInt(codes.size() - 1));
        }
        return GENERIC.get(rnd.nextInt(GENERIC.size()));
    }
}
