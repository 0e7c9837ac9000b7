package io.windbell.workorder.special.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The bodies of the special-task commands. */
public final class SpecialTaskRequests {

    private SpecialTaskRequests() {
    }

    /** A task a CX admin proposes by hand, with the cases that make it. */
    @Schema(name = "SpecialTaskProposal")
    public record Propose(@Schema(required = true, maxLength = 200) String title,
            @Schema(description = "the touchpoint it is about; its degradation alerts then attach to the task") String touchpointCode,
            String errorCode,
            @Schema(description = "default: by the touchpoint's prefix (windbell.workorder.special.departments)") String ownerDepartment,
            @Schema(description = "ISO date; default today + windbell.workorder.special.due-in") String dueDate,
            @Schema(description = "LOW, NORMAL, HIGH or URGENT; default HIGH") String priority,
            @Schema(required = true, description = "ids of RECOVERY or CALLBACK orders no special task holds") List<String> caseIds) {
    }

    /** Cases to link to a task. */
    @Schema(name = "SpecialTaskCases")
    public record Link(@Schema(required = true) List<String> caseIds) {
    }

    /** What a CX admin may change on a task; absent fields stay as they are. */
    @Schema(name = "SpecialTaskChange")
    public record Change(@Schema(maxLength = 100) String ownerDepartment,
            @Schema(description = "ISO date") String dueDate) {
    }
}
