package io.windbell.workorder.directory;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The columns of one kind of directory import: the CSV header's names and the JSON objects' field names, with the JSON
 * type each field takes. The demo seed script and the bank's HR extract are written against these names.
 */
public record ImportLayout(String what, List<Column> columns) {

    /** How a field is written in JSON (CSV holds text only). */
    public enum Kind {
        TEXT, INTEGER, BOOLEAN,
        /** a JSON array of strings, or one string separated by {@code ;} as in CSV */
        LIST
    }

    /**
     * @param inHeader
     *            whether a CSV header must name it; the others may be left out (their value then stays as it was)
     */
    public record Column(String name, Kind kind, boolean inHeader) {
    }

    public static final ImportLayout STAFF = new ImportLayout("staff",
            List.of(text("employeeId"), text("name"), text("branchId"), text("regionId"), text("role"),
                    text("managerId"), text("calendar"), new Column("skills", Kind.LIST, true),
                    new Column("capacity", Kind.INTEGER, true), new Column("active", Kind.BOOLEAN, true),
                    new Column("onLeaveUntil", Kind.TEXT, false)));

    public static final ImportLayout BRANCHES = new ImportLayout("branches",
            List.of(text("branchId"), text("regionId"), text("name"), text("managerId")));

    public static final ImportLayout RELATIONSHIP_MANAGERS = new ImportLayout("relationship managers",
            List.of(text("customerId"), text("employeeId")));

    public Set<String> names() {
        return columns.stream().map(Column::name).collect(Collectors.toUnmodifiableSet());
    }

    public List<String> headerNames() {
        return columns.stream().filter(Column::inHeader).map(Column::name).toList();
    }

    public Column column(String name) {
        return columns.stream().filter(column -> column.name().equals(name)).findFirst().orElse(null);
    }

    private static Column text(String name) {
        return new Column(name, Kind.TEXT, true);
    }
}
