package dev.firebell.config;

/** Port: the configuration currently in force (stored by {@code firebell config apply}). */
public interface ConfigSource {
    FirebellConfig current();
}
