package io.cartwright.auth.account;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * {@code POST /signup}: a customer makes an account, then signs in through the
 * authorization endpoint like everybody else. {@code GET /accounts/{id}}: the account,
 * for its owner (a token whose subject it is) or staff; anybody else gets 404.
 */
@RestController
class AccountController {

	private final SignUp signUp;

	private final Accounts accounts;

	AccountController(SignUp signUp, Accounts accounts) {
		this.signUp = signUp;
		this.accounts = accounts;
	}

	@PostMapping("/signup")
	ResponseEntity<AccountView> signUp(@Valid @RequestBody SignUpRequest request, HttpServletRequest http) {
		Account account = this.signUp.register(request.email(), request.password(), request.name(), Role.CUSTOMER);
		URI location = ServletUriComponentsBuilder.fromContextPath(http)
			.path("/accounts/{id}")
			.buildAndExpand(account.id())
			.toUri();
		return ResponseEntity.created(location).body(AccountView.of(account));
	}

	@GetMapping("/accounts/{id}")
	ResponseEntity<AccountView> account(@PathVariable String id, @AuthenticationPrincipal Jwt token) {
		boolean staff = token.getClaimAsStringList("roles") != null
				&& token.getClaimAsStringList("roles").contains(Role.STAFF.name());
		if (!staff && !id.equals(token.getSubject())) {
			return ResponseEntity.notFound().build();
		}
		return ResponseEntity.of(this.accounts.findById(id).map(AccountView::of));
	}

}
