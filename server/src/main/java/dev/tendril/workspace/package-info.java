/**
 * Tenancy and access: workspaces, their users and roles, API keys (stored hashed) and the security
 * configuration that turns a key or a session into the current workspace.
 */
package dev.tendril.workspace;
