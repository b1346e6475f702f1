package dev.tendril.event.internal;

import dev.tendril.event.BehaviorMetric;
import dev.tendril.event.BehaviorRule;
import dev.tendril.platform.InvalidInputException;
import dev.tendril.workspace.WorkspaceCreated;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Each workspace's event-to-metric rules; new workspaces get the defaults. Changes apply to new events. */
@Component
public class BehaviorRules {
    private static final Set<String> EVENT_TYPES = Set.of("track", "page", "screen");

    private final BehaviorRuleStore store;
    private final Map<Long, BehaviorMatcher> cache = new ConcurrentHashMap<>();

    BehaviorRules(BehaviorRuleStore store) {
        this.store = store;
    }

    @EventListener
    void seedDefaults(WorkspaceCreated created) {
        store.insert(created.workspaceId(), BehaviorMatcher.DEFAULTS);
    }

    BehaviorMatcher matcher(long workspaceId) {
        return cache.computeIfAbsent(workspaceId, ws -> new BehaviorMatcher(list(ws)));
    }

    public List<BehaviorRule> list(long workspaceId) {
        return store.list(workspaceId);
    }

    @Transactional
    public List<BehaviorRule> replace(long workspaceId, List<BehaviorRule> rules) {
        for (int i = 0; i < rules.size(); i++) {
            BehaviorRule r = rules.get(i);
            String at = "rules[" + i + "].";
            if (r == null) {
                throw new InvalidInputException("rules[" + i + "]", "must be an object");
            }
            if (r.metric() == null || BehaviorMetric.byName(r.metric()).isEmpty()) {
                throw new InvalidInputException(at + "metric", "must be one of pageViews, pricingPageViews, demoRequests, "
                        + "trialSignups, contentDownloads, videoWatches, webinarAttendance");
            }
            if (r.eventType() == null || !EVENT_TYPES.contains(r.eventType())) {
                throw new InvalidInputException(at + "eventType", "must be track, page or screen");
            }
            if (r.eventType().equals("track") && (r.eventName() == null || r.eventName().isBlank())) {
                throw new InvalidInputException(at + "eventName", "is required for track rules");
            }
        }
        store.deleteAll(workspaceId);
        store.insert(workspaceId, rules);
        cache.remove(workspaceId);
        return list(workspaceId);
    }
}
