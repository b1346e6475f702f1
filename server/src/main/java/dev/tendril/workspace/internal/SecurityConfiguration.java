package dev.tendril.workspace.internal;

import dev.tendril.workspace.ApiKeys;
import dev.tendril.workspace.KeyKind;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;

/**
 * Four doors: Segment ingestion under {@code /v1} (write key), the REST API under {@code /api}
 * (secret key), the actuator under {@code /actuator} (health for anyone; metrics for the secret key or
 * an owner's session, on whichever port it is served), and the web UI (signed-in users, sessions, CSRF,
 * sign-in throttling).
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
        return stateless(http.securityMatcher("/v1/**"), new ApiKeyAuthenticationFilter(keys, KeyKind.WRITE, true), true);
    }

    @Bean
    @Order(2)
    SecurityFilterChain restApiChain(HttpSecurity http, ApiKeys keys) throws Exception {
        return stateless(http.securityMatcher("/api/**"), new ApiKeyAuthenticationFilter(keys, KeyKind.SECRET, false), false);
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

    /**
     * Metrics tell error types per URL, disk paths and session counts: only health (and its probes) is public. A
     * secret key (Bearer, as a Prometheus scrape sends it) or an owner's session reads the rest.
     */
    @Bean
    @Order(3)
    SecurityFilterChain actuatorChain(HttpSecurity http, ApiKeys keys) throws Exception {
        return http.securityMatcher("/actuator/**")
                .requestCache(c -> c.disable())
                .addFilterBefore(new ApiKeyAuthenticationFilter(keys, KeyKind.SECRET, true), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .anyRequest().hasAnyRole("OWNER", "SECRET_KEY"))
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, denied) -> Unauthorized.write(response,
                        "Metrics need a secret key ('Authorization: Bearer sk_…') or an owner's session")))
                .build();
    }

    @Bean
    @Order(4)
    SecurityFilterChain webUiChain(HttpSecurity http, SignInThrottle throttle) throws Exception {
        var signedIn = new SavedRequestAwareAuthenticationSuccessHandler();
        signedIn.setDefaultTargetUrl("/contacts");
        var wrongPassword = new SimpleUrlAuthenticationFailureHandler("/login?error");
        return http
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/error", "/webjars/**", "/css/**", "/js/**", "/favicon.ico",
                                "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .requestMatchers("/keys", "/keys/**").hasRole("OWNER")
                        .requestMatchers(HttpMethod.POST, "/scoring", "/segments").hasAnyRole("OWNER", "MARKETER")
                        .anyRequest().authenticated())
                .addFilterBefore(new SignInThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
                .formLogin(f -> f.loginPage("/login").permitAll()
                        .successHandler((request, response, authentication) -> {
                            throttle.succeeded(authentication.getName());
                            signedIn.onAuthenticationSuccess(request, response, authentication);
                        })
                        .failureHandler((request, response, failure) -> {
                            if (failure instanceof BadCredentialsException) {
                                throttle.failed(request.getParameter("username"), request.getRemoteAddr());
                            }
                            wrongPassword.onAuthenticationFailure(request, response, failure);
                        }))
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .build();
    }
}
