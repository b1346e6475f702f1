package dev.tendril.content;

import dev.tendril.content.internal.RenderSavedTemplates;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Templates for other modules: whether a template may be sent, and rendering it for many contacts.
 * Journeys must only send templates that are {@link #isUsable usable}: saved templates always passed
 * validation, but one becomes unusable when a block it includes is deleted (docs/templates.md).
 */
@Service
public class Templates {
    private final RenderSavedTemplates rendering;

    Templates(RenderSavedTemplates rendering) {
        this.rendering = rendering;
    }

    /** Empty for an unknown id or another workspace's template. */
    public Optional<TemplateStatus> status(long workspaceId, String templateId) {
        return rendering.status(workspaceId, templateId);
    }

    /** The template exists in the workspace and its latest version can be rendered. */
    public boolean isUsable(long workspaceId, String templateId) {
        return status(workspaceId, templateId).map(TemplateStatus::valid).orElse(false);
    }

    /**
     * Renders the template (its latest version, or {@code version}) for each of these contacts, reading
     * their data in a bounded number of queries whatever their number, with what the sender passes ({@link RenderInputs}).
     * Unknown contacts are left out; a template that is not usable is refused ({@code ConflictException}).
     */
    public List<RenderedMessage> render(long workspaceId, String templateId, Integer version, List<Long> contactIds, RenderInputs inputs) {
        return rendering.render(workspaceId, templateId, version, contactIds, inputs);
    }
}
