package io.windbell.scoring.silent;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A customer whose behaviour says "detractor" and who has not answered a survey within the lookback. */
@Schema(name = "SilentDetractor")
public record SilentDetractor(
        @Schema(description = "for the relationship manager's call; never logged unmasked") String customerId,
        @Schema(description = "the branch of the latest assisted visit, else the home branch ('' unknown)") String branchId,
        String regionId, @Schema(description = "0..100 now: 100 (1 - e^(-points / scale))") double score,
        @Schema(description = "the decayed points behind the score") double points, Instant lastSignalAt,
        @Schema(description = "most points first") List<Reason> reasons) {

    public SilentDetractor {
        reasons = List.copyOf(reasons);
    }

    /** One reason: a kind of signal at one touchpoint (and error code or interruption reason). */
    @Schema(name = "SilentDetractorReason")
    public record Reason(Signal signal, long count,
            @Schema(description = "points now, after decay and the signal's cap") double points,
            @Schema(examples = "3 failures at loan.submit (E_TIMEOUT)") String detail) {
    }
}
