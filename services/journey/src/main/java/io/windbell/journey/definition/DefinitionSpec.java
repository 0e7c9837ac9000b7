package io.windbell.journey.definition;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.windbell.config.VersionedStore;
import io.windbell.contracts.journey.LifecycleStage;

/**
 * The {@code spec} column of table {@code journey_definition}: a definition without its code and version (those are
 * columns). Sets are written sorted so that equal definitions are stored as equal documents. See {@link VersionedStore}
 * for how changes and retirements become versions.
 */
@RegisterForReflection(targets = { DefinitionSpec.class, JourneyDefinition.Step.class })
public record DefinitionSpec(String name, String nameZh, LifecycleStage stage, List<JourneyDefinition.Step> steps,
        Set<String> startTouchpoints, Set<String> completionTouchpoints, Duration maxDuration,
        Duration channelSwitchGrace, Set<String> assistedChannels) {

    public static final VersionedStore.Codec<JourneyDefinition> CODEC = VersionedStore.Codec.of(DefinitionSpec.class,
            JourneyDefinition::code, DefinitionSpec::toSpec, (code, version, active, s) -> fromSpec(code, version, s));

    public static DefinitionSpec toSpec(JourneyDefinition d) {
        return new DefinitionSpec(d.name(), d.nameZh(), d.stage(), d.steps(), new TreeSet<>(d.startTouchpoints()),
                new TreeSet<>(d.completionTouchpoints()), d.maxDuration(), d.channelSwitchGrace(),
                new TreeSet<>(d.assistedChannels()));
    }

    public static JourneyDefinition fromSpec(String code, int version, DefinitionSpec s) {
        return new JourneyDefinition(code, version, s.name(), s.nameZh(), s.stage(), orEmpty(s.steps()),
                orEmpty(s.startTouchpoints()), orEmpty(s.completionTouchpoints()), s.maxDuration(),
                s.channelSwitchGrace(), orEmpty(s.assistedChannels()));
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static <T> Set<T> orEmpty(Set<T> set) {
        return set == null ? Set.of() : set;
    }
}
