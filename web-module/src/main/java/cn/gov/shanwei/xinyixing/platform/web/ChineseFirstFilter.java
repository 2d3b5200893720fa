package cn.gov.shanwei.xinyixing.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;

/**
 * Pages are Chinese first. A client that states no language would otherwise get the server JVM's
 * default locale (often en_US); this filter makes it Chinese, and leaves alone any client that
 * does ask for a language.
 */
@WebFilter(urlPatterns = "*.xhtml")
public class ChineseFirstFilter extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getHeader("Accept-Language") != null) {
            chain.doFilter(request, response);
            return;
        }
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public Locale getLocale() {
                return Locale.SIMPLIFIED_CHINESE;
            }

            @Override
            public Enumeration<Locale> getLocales() {
                return Collections.enumeration(java.util.List.of(Locale.SIMPLIFIED_CHINESE));
            }
        }, response);
    }
}
