const Mam = require('@iota/mam');
const seed='C'.repeat(81);
for (const cnt of [process.argv[2]|0]) {
let s = Mam.init('http://localhost:1', seed, 1);
s.channel.count=cnt; s.channel.next_count=cnt;
for (let k=0;k<cnt+1;k++){ const m=Mam.create(s,'ABC'); console.log(cnt, k, JSON.stringify(m.state.channel), m.root, m.payload); s=m.state; }
}
