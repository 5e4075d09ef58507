package io.cartwright.auth.login;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;

/**
 * {@code GET /login}: a plain sign-in form (email, password, the CSRF token in a hidden
 * {@code _csrf} field) posting to {@code /login}. Addresses are built from the context
 * path, which behind the gateway includes its {@code X-Forwarded-Prefix}.
 * <p>
 * After a failure it says the same for a wrong password and an unknown email; after too
 * many it says so, again alike for both.
 */
@Controller
class LoginPage {

	static final String INVALID = "Invalid email or password.";

	static final String LOCKED = "Too many failed sign-ins. Try again later.";

	static final String SIGNED_OUT = "You have been signed out.";

	@GetMapping(path = "/login", produces = MediaType.TEXT_HTML_VALUE)
	@ResponseBody
	String login(HttpServletRequest request) {
		CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
		String message = null;
		if (request.getParameter("locked") != null) {
			message = LOCKED;
		}
		else if (request.getParameter("error") != null) {
			message = INVALID;
		}
		else if (request.getParameter("logout") != null) {
			message = SIGNED_OUT;
		}
		String action = HtmlUtils.htmlEscape(request.getContextPath() + "/login");
		return """
				<!DOCTYPE html>
				<html lang="en">
				<head>
				  <meta charset="utf-8">
				  <meta name="viewport" content="width=device-width, initial-scale=1">
				  <title>Sign in · Cartwright</title>
				  <style>
				    body { font-family: system-ui, sans-serif; background: #f4f4f5; margin: 0; }
				    main { max-width: 22rem; margin: 12vh auto; background: #fff; padding: 2rem;
				           border-radius: 8px; box-shadow: 0 1px 4px rgba(0,0,0,.12); }
				    h1 { font-size: 1.4rem; margin: 0 0 1.2rem; }
				    label { display: block; font-size: .9rem; margin: .8rem 0 .3rem; }
				    input { width: 100%%; box-sizing: border-box; padding: .55rem; font-size: 1rem;
				            border: 1px solid #bbb; border-radius: 4px; }
				    button { margin-top: 1.4rem; width: 100%%; padding: .65rem; font-size: 1rem; border: 0;
				             border-radius: 4px; background: #1f2937; color: #fff; cursor: pointer; }
				    .message { padding: .6rem; border-radius: 4px; background: #fef3c7; font-size: .9rem; }
				  </style>
				</head>
				<body>
				<main>
				  <h1>Sign in to Cartwright</h1>
				  %s
				  <form method="post" action="%s">
				    <label for="username">Email</label>
				    <input id="username" name="username" type="email" autocomplete="username" required autofocus>
				    <label for="password">Password</label>
				    <input id="password" name="password" type="password" autocomplete="current-password" required>
				    <input type="hidden" name="%s" value="%s">
				    <button type="submit">Sign in</button>
				  </form>
				</main>
				</body>
				</html>
				""".formatted(
				(message != null) ? "<p class=\"message\" role=\"alert\">" + HtmlUtils.htmlEscape(message) + "</p>"
						: "",
				action, HtmlUtils.htmlEscape(csrf.getParameterName()), HtmlUtils.htmlEscape(csrf.getToken()));
	}

}
