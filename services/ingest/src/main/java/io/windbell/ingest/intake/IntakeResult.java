package io.windbell.ingest.intake;

import java.util.List;

/** The answer to a submission: counts and one result per submitted event, in submission order. */
public record IntakeResult(int accepted, int rejected, List<ItemResult> items) {

    public boolean allAccepted() {
        return rejected == 0;
    }
}
