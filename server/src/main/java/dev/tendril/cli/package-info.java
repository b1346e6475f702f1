/** The command line ({@code tendril import …}): a client of the REST API, started without Spring. */
package dev.tendril.cli;
