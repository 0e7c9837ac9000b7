package io.windbell.loadgen.sim;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Realistic error codes for a failed step, in the style channel apps report them ({@code RA-TIMEOUT-504},
 * {@code OCR-BLUR}, {@code OTP-EXPIRED}): chosen from the words of the touchpoint code, else by journey.
 */
final class ErrorCodes {

    private record Rule(Set<String> words, List<String> codes) {
    }

    // Order matters: "face_verify" is a face problem, "otp_verify" an OTP one, "id_upload" an OCR one.
    private static final List<Rule> RULES = List.of(new Rule(Set.of("risk"), List.of("RA-TIMEOUT-504", "RA-LEVEL-LOW")),
            new Rule(Set.of("suitability"), List.of("SUITABILITY-MISMATCH", "RA-EXPIRED")),
            new Rule(Set.of("face", "liveness"), List.of("FACE-MISMATCH", "LIVENESS-FAIL")),
            new Rule(Set.of("otp", "sms", "code"), List.of("OTP-EXPIRED", "OTP-INVALID")),
            new Rule(Set.of("id", "ocr", "kyc"), List.of("OCR-BLUR", "ID-EXPIRED")),
            new Rule(Set.of("identity", "verify", "verification"), List.of("IDV-MISMATCH", "OTP-EXPIRED")),
            new Rule(Set.of("binding", "bind"), List.of("BIND-NAME-MISMATCH", "BANK-TIMEOUT-504")),
            new Rule(Set.of("credit", "approval"), List.of("CREDIT-TIMEOUT-504", "CREDIT-REJECTED")),
            new Rule(Set.of("sign", "contract"), List.of("ESIGN-FAIL", "CONTRACT-TIMEOUT-504")),
            new Rule(Set.of("document", "income", "proof", "upload"), List.of("DOC-UNREADABLE", "FILE-TOO-LARGE")),
            new Rule(Set.of("pin", "password"), List.of("PIN-TOO-SIMPLE", "PIN-SET-FAIL")),
            new Rule(Set.of("activate", "activation"), List.of("CARD-NOT-FOUND", "CARD-ALREADY-ACTIVE")),
            new Rule(Set.of("payment", "pay", "submit", "subscribe", "deposit", "order", "redemption"),
                    List.of("BALANCE-INSUFFICIENT", "LIMIT-EXCEEDED", "PAY-TIMEOUT-504")),
            new Rule(Set.of("ivr", "agent", "callback"), List.of("CALL-DROPPED", "QUEUE-TIMEOUT")),
            new Rule(Set.of("resolution"), List.of("RESOLUTION-REJECTED", "CALL-DROPPED")),
            new Rule(Set.of("register", "friend"), List.of("INVITE-EXPIRED", "REGISTER-FAIL")),
            new Rule(Set.of("payee"), List.of("PAYEE-INVALID", "PAYEE-NAME-MISMATCH")));

    private static final Map<String, List<String>> BY_JOURNEY = Map.of("WEALTH_PURCHASE",
            List.of("PRODUCT-SOLD-OUT", "RA-TIMEOUT-504"), "ACCOUNT_OPENING", List.of("OCR-BLUR", "PHONE-MISMATCH"),
            "LOAN_APPLICATION", List.of("CREDIT-TIMEOUT-504", "APPLICATION-INCOMPLETE"), "CARD_ACTIVATION",
            List.of("CARD-NOT-FOUND", "OTP-EXPIRED"), "TRANSFER", List.of("BALANCE-INSUFFICIENT", "LIMIT-EXCEEDED"),
            "COMPLAINT", List.of("QUEUE-TIMEOUT", "CALL-DROPPED"), "REFERRAL",
            List.of("INVITE-EXPIRED", "REWARD-RULE-MISMATCH"));

    private static final List<String> GENERIC = List.of("SYS-BUSY-503", "NET-TIMEOUT-504", "SESSION-EXPIRED");

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
