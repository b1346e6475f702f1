package dev.tendril.workspace.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Writes a 401 as problem JSON. */
final class Unauthorized {
    private Unauthorized() {}

    static void write(HttpServletResponse response, String detail) throws IOException {
        response.setStatus(401);
        response.setContentType("application/problem+json");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,\"detail\":\""
                + detail.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
    }
}
