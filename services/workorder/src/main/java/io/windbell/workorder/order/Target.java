package io.windbell.workorder.order;

import java.util.UUID;

import io.windbell.workorder.access.Viewer;

/**
 * What every command on an existing order names: the order, who sends the command (their view decides 404 and 403) and
 * the version the command is based on ({@code If-Match}; another version is a 409).
 */
public record Target(UUID orderId, Viewer viewer, long expectedVersion) {
}
