package dev.tendril.scoring;

/** A contact's fit grade (A–F) changed. */
public record GradeChanged(long workspaceId, long contactId, String previousGrade, String grade) {}
