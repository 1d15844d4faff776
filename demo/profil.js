// The OAP review page of the demo: the profile id comes from the link (?profil=<id>).
const id = new URLSearchParams(location.search).get('profil');
const review = document.querySelector('jc-oap-review');
if (id && review && /^[0-9a-f-]{36}$/.test(id)) review.setAttribute('profile-id', id);
