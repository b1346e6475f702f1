/**
 * Shared infrastructure every module may use: opaque ids, cursor pages, problem errors, the
 * outbound-HTTP guard ({@link dev.tendril.platform.OutboundHttp}) and the database that starts
 * itself when none is configured.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package dev.tendril.platform;
