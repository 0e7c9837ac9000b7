package io.windbell.workorder.web;

import java.util.List;

import io.windbell.platform.problem.Violation;
import io.windbell.platform.versioning.Versioning;

/**
 * The {@code If-Match} of a command on an order or a special task: its version as its ETag ({@code "4"}). Missing is
 * 428 (a command that does not say which version it is based on could overwrite a change unseen), anything but a strong
 * tag of a version 400; a stale one is the command's 409 (ADR 0022).
 */
public final class IfMatch {

    private IfMatch() {
    }

    public static long version(String ifMatch) {
        boolean weak = ifMatch != null && ifMatch.trim().startsWith("W/");
        int version = weak ? -1 : Versioning.expectedVersion(ifMatch);
        if (version < 0) {
            throw Versioning.invalid(List
                    .of(new Violation("If-Match", "must be the ETag as read, e.g. \"3\" (a weak ETag never matches)")));
        }
        return version;
    }
}
