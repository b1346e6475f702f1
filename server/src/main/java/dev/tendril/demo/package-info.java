/** The {@code --demo} start: a demo workspace with realistic contacts, companies and weeks of behaviour. */
package dev.tendril.demo;
