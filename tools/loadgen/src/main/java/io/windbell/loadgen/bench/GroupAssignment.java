package io.windbell.loadgen.bench;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Partitions, lag and partitions per journey replica (client id {@code journey-r<i>-...}) of
 * {@code ConsumerGroupCommand --describe}. Replaces bench.py's {@code group_assignment} (and through it
 * {@code cmd_group_assignment} and {@code cmd_group_lag}).
 *
 * @param lag
 *            the summed lag, null when not described or some partition's lag is unknown ('-')
 * @param lagKnown
 *            the lag summed over the partitions that have one
 * @param described
 *            whether the output had the header line
 * @param perReplica
 *            partitions per replica, by name
 */
record GroupAssignment(Long lag, long lagKnown, boolean described, int partitions, int unknownLag,
        SortedMap<String, Integer> perReplica, int unassigned) {

    private static final Pattern REPLICA_RE = Pattern.compile("journey-r(\\d+)");

    static GroupAssignment parse(String text) {
        List<String> header = null;
        long lag = 0;
        int partitions = 0;
        int unassigned = 0;
        int unknown = 0;
        SortedMap<String, Integer> per = new TreeMap<>();
        for (String line : StepText.splitlines(text)) {
            List<String> cols = StepText.split(line);
            if (cols.isEmpty()) {
                continue;
            }
            if (cols.contains("PARTITION") && cols.contains("LAG")) {
                header = cols;
                continue;
            }
            if (header == null || cols.size() < header.size() - 3
                    || !StepText.isDigits(cols.get(header.indexOf("PARTITION")))) {
                continue;
            }
            partitions++;
            String value = cols.get(header.indexOf("LAG"));
            if (StepText.isDigits(value)) {
                lag += Long.parseLong(value);
            } else {
                unknown++;
            }
            String client = header.contains("CLIENT-ID") && cols.size() == header.size()
                    ? cols.get(header.indexOf("CLIENT-ID")) : "-";
            Matcher m = REPLICA_RE.matcher(client);
            if (m.find()) {
                per.merge("journey-r" + m.group(1), 1, Integer::sum);
            } else {
                unassigned++;
            }
        }
        return new GroupAssignment(header != null && unknown == 0 ? lag : null, lag, header != null, partitions,
                unknown, per, unassigned);
    }

    /** {@code group-assignment}'s line. */
    ObjectNode toNode() {
        ObjectNode node = PyJson.object();
        node.put("lag", lag);
        node.put("lagKnown", lagKnown);
        node.put("described", described);
        node.put("partitions", partitions);
        node.put("unknownLag", unknownLag);
        ObjectNode replicas = node.putObject("perReplica");
        perReplica.forEach(replicas::put);
        node.put("unassigned", unassigned);
        return node;
    }

    /** {@code group-lag}'s line: the known lag when described, the partitions and those of unknown lag. */
    ObjectNode lagNode() {
        ObjectNode node = PyJson.object();
        node.put("lag", described ? lagKnown : null);
        node.put("partitions", partitions);
        node.put("unknownPartitions", unknownLag);
        return node;
    }
}
