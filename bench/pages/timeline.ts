// A synthetic X home timeline (https://x.com/home) for `npm run bench`: X's markup and test ids, which is why it is
// a string here and not an .html file (Biome's accessibility rules would rewrite X's role="button" divs).
// bench/pages/load.js fills its timeline with 2,000+ nodes and keeps changing it.
export const TIMELINE_HTML = `<!doctype html>
<html lang="en" dir="ltr">
<head>
<meta charset="utf-8">
<title>Home / X</title>
<link rel="icon" href="data:,">
<style>
  body { margin: 0; font: 15px system-ui, sans-serif; }
  #react-root { display: flex; }
  header { width: 260px; }
  main { display: flex; flex: 1; }
  [data-testid="primaryColumn"] { width: 600px; }
  [data-testid="cellInnerDiv"] { border-bottom: 1px solid #eee; padding: 12px; }
  [role="group"] { display: flex; gap: 24px; }
</style>
</head>
<body>
<div id="react-root">
<header role="banner">
  <nav role="navigation" aria-label="Primary">
    <a href="/home" data-testid="AppTabBar_Home_Link" aria-label="Home" role="link">Home</a>
    <a href="/explore" data-testid="AppTabBar_Explore_Link" aria-label="Search and explore" role="link">Explore</a>
    <a href="/notifications" data-testid="AppTabBar_Notifications_Link" aria-label="Notifications" role="link">Notifications</a>
    <a href="/manager_mo" data-testid="AppTabBar_Profile_Link" aria-label="Profile" role="link">Profile</a>
    <a href="/compose/post" data-testid="SideNav_NewTweet_Button" aria-label="Post" role="link">Post</a>
  </nav>
  <button data-testid="SideNav_AccountSwitcher_Button" aria-label="Account menu" type="button">Mo Manager @manager_mo</button>
</header>
<main role="main">
  <div data-testid="primaryColumn">
    <div role="tablist"><a href="/home" role="tab" aria-selected="true">For you</a><a href="/home" role="tab">Following</a></div>
    <div data-testid="tweetTextarea_0" role="textbox" contenteditable="true" aria-label="Post text"></div>
    <section role="region" aria-label="Timeline: Your Home Timeline"></section>
  </div>
  <div data-testid="sidebarColumn">
    <form role="search"><input data-testid="SearchBox_Search_Input" aria-label="Search query" placeholder="Search"></form>
    <aside role="complementary" aria-label="Who to follow">
      <h2><span>Who to follow</span></h2>
      <div data-testid="UserCell" role="button">
        <a href="/bob_builder" role="link"><div data-testid="UserAvatar-Container-bob_builder"></div></a>
        <div><a href="/bob_builder" role="link"><span>Bob Builder</span></a> <a href="/bob_builder" role="link" tabindex="-1"><span>@bob_builder</span></a></div>
        <button aria-label="Follow @bob_builder" role="button" data-testid="1402222222222222222-follow" type="button"><div dir="ltr"><span><span>Follow</span></span></div></button>
      </div>
      <div data-testid="UserCell" role="button">
        <a href="/carol_codes" role="link"><div data-testid="UserAvatar-Container-carol_codes"></div></a>
        <div><a href="/carol_codes" role="link"><span>Carol</span></a> <a href="/carol_codes" role="link" tabindex="-1"><span>@carol_codes</span></a></div>
        <button aria-label="Follow @carol_codes" role="button" data-testid="1403333333333333333-follow" type="button"><div dir="ltr"><span><span>Follow</span></span></div></button>
      </div>
    </aside>
  </div>
</main>
</div>
</body>
</html>
`;
