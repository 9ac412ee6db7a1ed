// Sends the CSRF token with every htmx request (the token is in the page's meta tags).
document.addEventListener('htmx:configRequest', function (event) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});

// Grouped navigation: one menu open at a time (also where <details name> is not supported), closed by a click
// elsewhere or Escape.
document.addEventListener('click', function (event) {
  document.querySelectorAll('details.navgroup[open]').forEach(function (menu) {
    if (!menu.contains(event.target)) {
      menu.removeAttribute('open');
    }
  });
});
document.addEventListener('keydown', function (event) {
  if (event.key === 'Escape') {
    document.querySelectorAll('details.navgroup[open]').forEach(function (menu) {
      menu.removeAttribute('open');
    });
  }
});

// Household form (issue 16): a link to one fact (/households/{id}/edit#member-2-school_level_appropriate)
// focuses that field, which the CSS :target rule highlights.
document.addEventListener('DOMContentLoaded', function () {
  if (!location.hash || !document.querySelector('.household-form')) {
    return;
  }
  var target = document.getElementById(decodeURIComponent(location.hash.substring(1)));
  if (target && typeof target.focus === 'function') {
    target.focus();
  }
});
