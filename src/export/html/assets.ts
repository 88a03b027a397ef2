import { isDash, isInvisible, isSpace, preNormalize } from '../../numbers/parse.js';

/**
 * The site's stylesheet: system fonts only (nothing fetched), AA contrast (text #1a1a1a on
 * white, links #0b4f9c), a visible focus ring, a narrow-screen layout and an A4 print sheet.
 */
export const SITE_CSS = `:root{--fg:#1a1a1a;--muted:#4a4a4a;--link:#0b4f9c;--line:#767676;--soft:#f2f2f2;--focus:#b35c00}
*{box-sizing:border-box}
html{font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",system-ui,sans-serif;color:var(--fg);background:#fff;line-height:1.5}
body{margin:0}
a{color:var(--link)}
a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible,summary:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
svg a:focus-visible rect{stroke:var(--focus);stroke-width:4}
.skip{position:absolute;left:-999px;top:0;background:#fff;padding:.5em}
.skip:focus{left:.5em}
header.site{border-bottom:2px solid var(--fg);padding:.5em 1em}
header.site .sys{font-weight:bold;font-size:1.1em}
nav.main ul{list-style:none;margin:.3em 0 0;padding:0;display:flex;flex-wrap:wrap;gap:.3em 1.2em}
main{padding:0 1em 2em;max-width:80em}
footer.site{border-top:1px solid var(--line);padding:.5em 1em;color:var(--muted);font-size:.9em}
h1{font-size:1.5em;margin:.6em 0 .4em}
h2{font-size:1.2em;margin:1.2em 0 .4em}
table{border-collapse:collapse;margin:.5em 0}
th,td{border:1px solid var(--line);padding:.25em .5em;text-align:left;vertical-align:top}
thead th{background:var(--soft)}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
.wide{overflow-x:auto}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.2em 1em}
dl.facts dt{font-weight:bold}
dl.facts dd{margin:0}
.filters{display:flex;flex-wrap:wrap;gap:.5em 1em;align-items:end;margin:.5em 0}
.filters label{display:flex;flex-direction:column;font-size:.9em}
.filters input,.filters select,.filters button{font:inherit;padding:.2em .3em;border:1px solid var(--line);border-radius:2px;background:#fff;color:var(--fg)}
.filters input[type=search]{min-width:16em}
.filters select{max-width:100%}.filters label{max-width:100%}
#count{font-weight:bold}
/* fixed layout: with auto layout a 10,000-row table re-measures every column while it parses */
#detail{table-layout:fixed;width:100%;min-width:60em}#detail col.c-seq{width:4em}#detail col.c-code{width:6em}#detail col.c-num{width:12em}#detail col.c-lv{width:6em}#detail col.c-st{width:5em}#detail col.c-d{width:6.5em}#detail col.c-svc{width:9em}
tbody#rows tr{content-visibility:auto;contain-intrinsic-size:auto 2.2em}
tr.grp th{background:var(--soft);font-weight:bold}
tr.tbm td{background:#fff8d6}
tr.lapsed td.t{text-decoration:line-through}
.state{white-space:nowrap}
.state::before{display:inline-block;width:1.3em;font-weight:bold}
.state-covered::before{content:"✔"}
.state-planned::before{content:"◔"}
.state-lapsed::before{content:"✖"}
.state-uncovered::before{content:"○"}
caption{text-align:left;font-weight:bold}
th small{font-weight:normal;color:var(--muted)}
#diagnostics{border:2px solid var(--line);padding:.3em .8em;margin:.5em 0}#diagnostics h2{margin:.2em 0}#diagnostics ul{margin:.2em 0;padding-left:1.2em}.diag-meta{margin:.2em 0;font-size:.85em}.diag-error strong{text-decoration:underline}
figure{margin:1em 0}
figcaption{font-weight:bold;margin-bottom:.3em}
svg text{font-family:inherit}
.chart{max-width:100%;height:auto}
.legend{font-size:.9em}
ul.plain{padding-left:1.2em}
@media (max-width:40em){main{padding:0 .5em 2em}.filters input[type=search]{min-width:0;width:100%}.filters label{flex:1 1 45%}th,td{padding:.2em .3em;font-size:.92em}}
@media print{@page{size:A4 landscape;margin:12mm}
html{font-size:9pt}header.site nav,.filters,.skip,.noprint{display:none!important}
a{color:inherit;text-decoration:none}main{max-width:none;padding:0}
table{width:100%}#detail{min-width:0}tbody#rows tr{content-visibility:visible}thead{display:table-header-group}tr{break-inside:avoid}
tr[hidden]{display:table-row!important}tr.tbm td{background:none}
figure,svg{break-inside:avoid}}
`;

/**
 * The 明细表 script. The search key of each row was made in Node with the validator's own
 * pre-normaliser; the query goes through the same functions (their source is copied in), so
 * "GB／T 33528—2017", "gbt33528 2017" and "GB/T 33528-2017" find the same row.
 */
export function tableScript(): string {
  const fns = [isDash, isSpace, isInvisible, preNormalize].map((f) => f.toString()).join('\n');
  return `"use strict";
${fns}
function fold(s){return preNormalize(s).toLowerCase().replace(/[\\s\\-\\/._·]/g,"")}
(function(){
var tbody=document.getElementById("rows"),D=window.HRSS_TABLE;if(!tbody||!D)return;
var f={q:document.getElementById("f-q"),sub:document.getElementById("f-sub"),level:document.getElementById("f-level"),status:document.getElementById("f-status"),svc:document.getElementById("f-svc")};
var count=document.getElementById("count"),partial=document.getElementById("partial"),listed=document.getElementById("listed"),more=document.getElementById("more");
var form=document.getElementById("filters");if(form)form.addEventListener("submit",function(e){e.preventDefault()});
var W=D.window,limit=W,matches=[],seen={},all=true;
var data=D.entries.map(function(e){return e.length===2?{grp:true,g:e[0],html:e[1]}:{g:e[0],cls:e[1],seq:e[2],code:e[3],number:e[4],title:e[5],pub:e[6],eff:e[7],k:e[8],sub:" "+e[9]+" ",level:e[10],status:e[11],svcs:e[12],svc:" "+e[12]+" "}});
function esc(s){return String(s).replace(/&/g,"&amp;").replace(/</g,"&lt;").replace(/>/g,"&gt;").replace(/"/g,"&quot;")}
// the same markup as rowCells in site.ts (the page's static rows come from there)
function rowHtml(d){if(d.html)return d.html;
var sv=d.svcs?d.svcs.split(" ").map(function(id){return D.items[id]?'<a href="'+D.items[id]+'">'+esc(id)+"</a>":esc(id)}).join(" "):"";
return d.html="<tr"+(d.cls?' class="'+d.cls+'"':"")+'><td class="n">'+d.seq+"</td><td>"+esc(d.code)+"</td><td>"+esc(d.number)+'</td><td class="t"><a href="std/'+d.seq+'.html">'+esc(d.title)+"</a></td><td>"+esc(D.lv[d.level]||"")+"</td><td>"+esc(D.st[d.status])+"</td><td>"+esc(d.pub)+"</td><td>"+esc(d.eff)+"</td><td>"+sv+"</td></tr>"}
function filter(){
var q=fold(f.q.value),sub=f.sub.value,lv=f.level.value,st=f.status.value,sv=f.svc.value;
all=!q&&!sub&&!lv&&!st&&!sv;matches=[];seen={};
for(var i=0;i<data.length;i++){var d=data[i];if(d.grp)continue;
if((!q||d.k.indexOf(q)>=0)&&(!sub||d.sub.indexOf(" "+sub+" ")>=0)&&(!lv||d.level===lv)&&(!st||d.status===st)&&(!sv||d.svc.indexOf(" "+sv+" ")>=0)){matches.push(i);seen[d.g]=1}}
}
// the same entries as the page's static rows when nothing is filtered: headings in order, rows up to the limit
function render(){
var out=[],n=0,m=0,pending=[];
for(var i=0;i<data.length&&n<limit;i++){var d=data[i];
if(d.grp){if(all||seen[d.g])pending.push(d.html);continue}
if(matches[m]!==i)continue;m++;n++;if(pending.length){out.push(pending.join(""));pending=[]}out.push(rowHtml(d))}
if(all&&i>=data.length)out.push(pending.join(""));
tbody.innerHTML=out.join("");
count.textContent=String(matches.length);
var cut=matches.length>n;partial.hidden=!cut;listed.textContent=String(n);more.hidden=!cut;
}
function apply(){
filter();limit=W;render();
var p=[];["q","sub","level","status","svc"].forEach(function(k){if(f[k].value)p.push(k+"="+encodeURIComponent(f[k].value))});
var h=p.length?"#"+p.join("&"):"";if(location.hash!==h&&!(h===""&&location.hash==="")){try{history.replaceState(null,"",h||location.pathname)}catch(e){}}
}
function fromHash(){var s=location.hash.replace(/^#/,"");s.split("&").forEach(function(kv){var i=kv.indexOf("=");if(i<0)return;var k=kv.slice(0,i),v=decodeURIComponent(kv.slice(i+1));if(f[k])f[k].value=v})}
fromHash();
["q","sub","level","status","svc"].forEach(function(k){f[k].addEventListener(k==="q"?"input":"change",apply)});
document.getElementById("f-reset").addEventListener("click",function(){["q","sub","level","status","svc"].forEach(function(k){f[k].value=""});apply();f.q.focus()});
more.addEventListener("click",function(){limit+=W;render()});
// a printed page lists every matching row, not only those listed on screen
window.addEventListener("beforeprint",function(){if(limit<matches.length){limit=matches.length;render()}});
window.addEventListener("hashchange",function(){fromHash();apply()});
filter();
if(location.hash)apply();else{more.hidden=matches.length<=W}
window.hrssFilter=apply;
})();
`;
}
