package dev.tendril.workspace.internal;

import dev.tendril.workspace.ApiKeys;
import dev.tendril.workspace.KeyKind;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * Three doors: Segment ingestion under {@code /v1} (write key), the REST API under {@code /api}
 * (secret key), and the web UI (signed-in users, sessions, CSRF).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        return new DelegatingPasswordEncoder("argon2", Map.of("argon2", Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8()));
    }

    @Bean
    UserDetailsService userDetailsService(WorkspaceStore store) {
        return email -> store.findUser(email).orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    }

    @Bean
    @Order(1)
    SecurityFilterChain ingestionChain(HttpSecurity http, ApiKeys keys) throws Exception {
        return stateless(http.securityMatcher("/v1/**"), new ApiKeyAuthenticationFilter(keys, KeyKind.WRITE), true);
    }

    @Bean
    @Order(2)
    SecurityFilterChain restApiChain(HttpSecurity http, ApiKeys keys) throws Exception {
        return stateless(http.securityMatcher("/api/**"), new ApiKeyAuthenticationFilter(keys, KeyKind.SECRET), false);
    }

    private static SecurityFilterChain stateless(HttpSecurity http, ApiKeyAuthenticationFilter filter, boolean bodyKeyAllowed)
            throws Exception {
        return http
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .securityContext(c -> c.disable())
                .addFilterBefore(filter, AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(a -> {
                    if (bodyKeyAllowed) {
                        a.anyRequest().permitAll();
                    } else {
                        a.anyRequest().authenticated();
                    }
                })
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain webUiChain(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/error", "/webjars/**", "/css/**", "/js/**", "/favicon.ico",
                                "/actuator/health", "/actuator/health/**", "/actuator/prometheus",
                                "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .requestMatchers("/keys", "/keys/**").hasRole("OWNER")
                        .requestMatchers(HttpMethod.POST, "/scoring", "/segments").hasAnyRole("OWNER", "MARKETER")
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/contacts", false).permitAll())
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .build();
    }
}
